// Article or collection → what every edition needs: its metadata, its build date, its bookmarks, its cover, and
// the three parts that differ by kind (its print page, its EPUB book, its web page). render.ts renders either the same way.
import { dirname } from 'node:path';
import type { Article, ArticleImage } from '../article/article.js';
import type { HouseStyle } from '../config/house-style.js';
import { type ImageEdition, withEditionImages } from '../images/edition-images.js';
import { fillLabel } from '../labels/labels.js';
import type { EpubBook } from './epub/epub.js';
import { articleView } from './page/article-view.js';
import type { CoverContent } from './page/cover.js';
import { pageStarts } from './page/page-breaks.js';
import { runningHead } from './page/print-html.js';
import { type PageContext, type PrintPage, type PrintWants, renderPrintPage } from './pdf/print.js';
import { articleMeta, type PublicationMeta } from './publication-meta.js';
import type { WebFile, WebInputs } from './web/web.js';

export interface Publication {
  /** What every edition says of it: the PDFs' document information and XMP, the EPUB package, the web page's head. */
  meta: PublicationMeta;
  /** The folders of the user's its pages read (its photos, a collection's cover): its print page may read no other. */
  folders: string[];
  /** Its headings as written, for the PDF's bookmarks (Chromium's lose the spaces where a headline wraps). */
  headings: string[];
  /** What the EPUB's cover (and the web page's cover.jpg) shows: see page/cover.ts. */
  cover: CoverContent;
  /** Loads its print page once: Chromium's PDF, the press page (and a collection's start pages). */
  renderPrintPage(context: PageContext, wants: PrintWants): Promise<PrintPage>;
  /**
   * Its EPUB book, with the print edition's pages marked: `pageTexts` are the pages of `printPage`'s PDF.
   * Without a print page (no PDF edition in the build) nothing is marked and the book has no page list.
   */
  epubBook(printPage: PrintPage | undefined, pageTexts: readonly string[]): Promise<EpubBook>;
  /** Its web page and the files beside it, offering the other editions. */
  renderWebPage(inputs: WebInputs): Promise<WebFile[]>;
}

/**
 * The date every edition is stamped with: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the
 * publication's date; never the clock. One rule for articles and collections alike.
 */
export function buildDate(meta: Pick<PublicationMeta, 'date'>): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${meta.date}T00:00:00Z`);
}

/** One article: its own page, a one-chapter book, its own web page (a collection's is collection/collection-publication.ts). */
export function articlePublication(article: Article, style: HouseStyle): Publication {
  const meta = articleMeta(article);
  const view = articleView(article, style);
  const folders = [article.dir, ...photoFolders([article]), ...article.imageFolders];
  const webMeta = { ...meta, images: meta.images.map((image) => withCopyPath(image, 'web')) };
  const photo = forEdition(article, 'print').images[0];
  return {
    meta,
    folders,
    headings: articleHeadings(meta.title, article.bodyHtml),
    cover: {
      lang: view.lang,
      dir: view.dir,
      publication: view.publication,
      logoPath: style.theme?.logo?.path,
      title: view.title,
      subtitle: view.subtitle,
      displayDate: view.displayDate,
      photoPath: photo?.path,
      photoCredit: photo?.credit && fillLabel(view.labels.photo, { credit: photo.credit }),
    },
    renderPrintPage: (context, wants) =>
      renderPrintPage(forEdition(article, 'print'), withPhotos(view, article, 'print'), { ...context, folders }, wants),
    // Its pages are told apart by what follows the running head on each. The EPUB's and the web page's code
    // loads when that edition is first made (see render.ts).
    epubBook: async (printPage, pageTexts) =>
      (await import('./epub/epub.js')).articleBook(
        meta,
        withPhotos(view, article, 'epub'),
        printPage && pageStarts(pageTexts, runningHead(view)),
      ),
    renderWebPage: async (inputs) =>
      (await import('./web/web.js')).renderWebEdition(webMeta, withPhotos(view, article, 'web'), inputs),
  };
}

/** The headings of an article as written: its headline and the body's subheadings, as plain text. */
export function articleHeadings(title: string, bodyHtml: string): string[] {
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .trim();
  return [title, ...[...bodyHtml.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((match) => text(match[1]!))];
}

/** The folders of the cache entries holding the articles' photo copies: the print page may read them. */
export function photoFolders(articles: readonly Article[]): string[] {
  return [
    ...new Set(
      articles.flatMap((article) =>
        article.images.flatMap((image) => (image.copies ? [dirname(image.copies.print.path)] : [])),
      ),
    ),
  ];
}

/** A view whose body shows the edition's copy of every photo (images/edition-images.ts). */
export function withPhotos<T extends { bodyHtml: string }>(view: T, article: Article, edition: ImageEdition): T {
  return { ...view, bodyHtml: withEditionImages(view.bodyHtml, article.images, edition) };
}

/** The article as an edition sees its photos (the print cover, the web page's og:image): each at its copy. */
export function forEdition(article: Article, edition: 'print' | 'web'): Article {
  return { ...article, images: article.images.map((image) => withCopyPath(image, edition)) };
}

function withCopyPath<T extends ArticleImage>(image: T, edition: 'print' | 'web'): T {
  if (!image.copies) return image;
  return { ...image, path: edition === 'print' ? image.copies.print.path : image.copies.web.fallback.at(-1)!.path };
}

/** The id of an article's place in the collection's pages (print and web); the download page links to it. */
export const articleAnchor = (index: number) => `article-${index + 1}`;
