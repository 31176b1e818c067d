// What every edition says about a publication (an article or a collection): the metadata the PDF, XMP, EPUB
// package and web page carry. The finishers read only this, never an Article, so a collection needs no stand-in.
import type { Article, ArticleImage } from '../article/article.js';
import { textDirection } from '../fonts/writing-systems.js';

export interface PublicationMeta {
  title: string;
  subtitle: string | undefined;
  /** Who it is by: the byline, else the publication (a PDF's Author, the EPUB's creators). */
  authors: string[];
  /** The byline as written: empty when there is none. */
  byline: string[];
  publication: string;
  lang: string;
  /** Its writing direction, from its language's script: every edition's document says it. */
  dir: 'ltr' | 'rtl';
  /** YYYY-MM-DD, as written. */
  date: string;
  /** The publication time when the date was written with one (ISO 8601). */
  dateTime: string | undefined;
  description: string;
  tags: string[];
  credits: string[];
  /** Who translated it (the EPUB's contributors with the role trl). */
  translators: string[];
  rights: string | undefined;
  /** Where it was first published (a URL). */
  source: string | undefined;
  slug: string;
  /** The images it shows, in reading order: the EPUB's accessibility metadata describes them. */
  images: ArticleImage[];
}

/** An article's metadata, as every edition of it (or a collection's web page, of each of its articles) says it. */
export function articleMeta(article: Article): PublicationMeta {
  const { meta } = article;
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    authors: article.authors,
    byline: meta.byline,
    publication: meta.publication,
    lang: meta.lang,
    dir: textDirection(meta.lang),
    date: meta.date,
    dateTime: article.dateTime,
    description: article.description,
    tags: meta.tags,
    credits: meta.credits,
    translators: meta.translators,
    rights: meta.rights,
    source: meta.source,
    slug: article.slug,
    images: article.images,
  };
}
