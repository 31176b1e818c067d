// How large an input may be before it is refused; the defaults, and the command's flags, are in MB.

export interface InputLimits {
  maxArticleBytes: number;
  maxImageBytes: number;
}

export const defaultLimitsMb = { article: 2, image: 25 } as const;

export const defaultLimits: InputLimits = { maxArticleBytes: defaultLimitsMb.article * 1e6, maxImageBytes: defaultLimitsMb.image * 1e6 };
