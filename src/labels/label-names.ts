// The labels imprint puts on the page, by name, with the placeholder each must contain: the shape that
// built-in.ts, imprint.yaml's `labels:` and a theme's labels.yaml all fill in.
/** Each label, and the placeholder it must contain (where the names, numbers or link go). */
export const labelPlaceholders = {
  /** Before the authors' names in the dateline. */
  byline: ['{names}'],
  /** The print footer; {pages} (the page count) is optional. */
  page: ['{page}'],
  /** The line at the end that links the original. */
  source: ['{link}'],
  /** The photo credit on the EPUB cover. */
  photo: ['{credit}'],
  /** The EPUB's table of contents. */
  contents: [],
  /** The EPUB's landmarks (the reading system's "go to" menu). */
  landmarks: [],
  /** The cover, in the landmarks and the cover image's description. */
  cover: [],
  /** The web edition's download block: its heading, each edition's name and use, and the page count. */
  downloads: [],
  pdfEdition: [],
  epubEdition: [],
  pressEdition: [],
  archivalEdition: [],
  pageCount: ['{pages}'],
  /** The link from an article's web page to the download page of every article. */
  allArticles: [],
  /** The credit at the end of a translated article, before the translators' names. */
  translatedBy: ['{names}'],
  /** The line that stands for an embedded video (MDX's <YouTubeIframe>), before its title and address. */
  video: ['{title}'],
} as const satisfies Record<string, readonly string[]>;

export type LabelName = keyof typeof labelPlaceholders;
export type Labels = Record<LabelName, string>;
/** Overrides, per language tag (`ru`, `pt-BR`): any subset of the labels. */
export type LabelOverrides = Record<string, Partial<Labels>>;

export const labelNames = Object.keys(labelPlaceholders) as LabelName[];
