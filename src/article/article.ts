// SourceArticle → Article: the body rendered, images resolved and checked, the derived metadata filled in.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImprintError } from '../errors.js';
import { BodyError } from './body-error.js';
import { checkImageFile, isOutside } from './image-file.js';
import { defaultLimits, type InputLimits } from './limits.js';
import type { FrontMatter } from './front-matter.js';
import type { SourceArticle } from './load-article.js';
import { renderBody, type ImageReference } from './markdown.js';

export interface Article {
  path: string;
  /** The folder the article's images are in; rendering may read nothing else of the user's. */
  dir: string;
  slug: string;
  meta: FrontMatter;
  /** The body as HTML; image sources are absolute file:// URLs. */
  bodyHtml: string;
  /** The images the body shows, in reading order. */
  images: ArticleImage[];
  /** front matter description, else subtitle, else the first paragraph, shortened. */
  description: string;
  /** Who the article is by: the byline, else the publication. */
  authors: string[];
  sourceBytes: Buffer;
}

export interface ArticleImage {
  /** Absolute path of the file. */
  path: string;
  alt: string;
  /** Its figure's photo credit. */
  credit?: string;
}

export async function prepareArticle(source: SourceArticle, limits: InputLimits = defaultLimits, allowHtml = false): Promise<Article> {
  const fileLine = (bodyLine: number) => bodyLine + source.bodyLine;
  const locate = (image: ImageReference) => ({ file: source.path, line: fileLine(image.bodyLine) });

  const images: ArticleImage[] = [];
  const imageUrl = (image: ImageReference) => {
    const path = resolveImage(source, image, locate);
    images.push({ path, alt: image.alt, ...(image.credit && { credit: image.credit }) });
    return pathToFileURL(path).href;
  };
  let rendered;
  try {
    rendered = renderBody(source.body, source.meta.lang, imageUrl, allowHtml);
  } catch (error) {
    if (error instanceof BodyError) throw new ImprintError(error.message, { file: source.path, line: fileLine(error.bodyLine) }, error.hint);
    throw error;
  }

  await Promise.all(rendered.images.map((image, i) => checkImageFile(images[i]!.path, source.dir, limits.maxImageBytes, locate(image), image.src)));

  const { meta } = source;
  return {
    path: source.path,
    dir: source.dir,
    slug: source.slug,
    meta,
    bodyHtml: rendered.html,
    images,
    description: meta.description ?? meta.subtitle ?? shorten(rendered.firstParagraph, 300) ?? meta.title,
    authors: meta.byline.length > 0 ? meta.byline : [meta.publication],
    sourceBytes: source.sourceBytes,
  };
}

function resolveImage(source: SourceArticle, image: ImageReference, locate: (image: ImageReference) => { file: string; line: number }): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(image.src)) {
    throw new ImprintError(`image "${image.src}" is a remote URL; imprint never fetches from the network`, locate(image), `Download the image into ${source.dir} (the article's folder under content/) and refer to it by a relative path.`);
  }
  const path = resolve(source.dir, decodeURI(image.src));
  if (isOutside(source.dir, path)) {
    throw new ImprintError(`image "${image.src}" is outside the article's folder`, locate(image), `Copy the image into ${source.dir} and refer to it by a relative path.`);
  }
  return path;
}

/** Cuts at a word boundary and adds an ellipsis; undefined for empty text. */
function shorten(text: string, limit: number): string | undefined {
  if (text === '') return undefined;
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.]+$/, '')}…`;
}
