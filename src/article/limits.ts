// How large an input may be before it is refused; the defaults, and the command's flags, are in MB.

export interface InputLimits {
  maxArticleBytes: number;
  maxImageBytes: number;
  /** Pixels (width × height) a photo may have, checked from its header before it is decoded. */
  maxImagePixels?: number;
}

/** The limits a build's options set. */
export function inputLimits(options: {
  maxArticleMb: number;
  maxImageMb: number;
  maxImageMegapixels: number;
}): InputLimits {
  return {
    maxArticleBytes: options.maxArticleMb * 1e6,
    maxImageBytes: options.maxImageMb * 1e6,
    maxImagePixels: options.maxImageMegapixels * 1e6,
  };
}

export const defaultLimitsMb = { article: 2, image: 25 } as const;

export const defaultLimits: InputLimits = {
  maxArticleBytes: defaultLimitsMb.article * 1e6,
  maxImageBytes: defaultLimitsMb.image * 1e6,
};
