// The e-reader edition: a book (an article's, or a collection's chapters) → EPUB 3. epub-gen-memory generates
// it with our own OPF, chapter, nav and NCX templates; finishEpub then adds the cover (drawn by page/cover.ts,
// without a browser) and the fonts' licence, and makes the container reproducible.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { EPub, type Options } from 'epub-gen-memory';
import Mustache from 'mustache';
import type { Article } from '../../article/article.js';
import { epubFonts } from '../../fonts/epub-fonts.js';
import { htmlText } from '../../fonts/missing-glyphs.js';
import type { Labels } from '../../labels/labels.js';
import type { Theme } from '../../theme/theme.js';
import { type ArticleView, readTemplate, renderArticleFragment } from '../page/article-view.js';
import { markPageBreaks } from '../page/page-breaks.js';
import { articleMeta, type PublicationMeta } from '../publication-meta.js';
import { type ExtraFile, finishEpub } from './epub-finish.js';
import { coverFiles, type PackageFields, packageFields } from './epub-package.js';

export interface EpubContext {
  buildDate: Date;
  /** The cover JPEG (page/cover.ts). */
  cover: Uint8Array;
  /** The theme's epub.css and the fonts it names, added after the built-in styles. */
  theme: Pick<Theme, 'epub' | 'fontLicence'> | undefined;
}

const chapterFile = 'article.xhtml';

/** One XHTML file of the book: an article. */
export interface EpubChapter {
  title: string;
  filename: string;
  html: string;
}

/** What an EPUB is made of: whose metadata it carries, its words, its chapters, and how the nav groups them. */
export interface EpubBook {
  /** What the package document says of the book: the article's or the collection's metadata. */
  meta: PublicationMeta;
  labels: Labels;
  displayDate: string;
  chapters: EpubChapter[];
  /** A collection's sections, for the nav; undefined lists the chapters flat. */
  sections?: { title: string; chapters: { title: string; filename: string }[] }[];
  /** The print pages marked in the chapters, and the chapter each is in, for the page list. */
  printPages?: { page: number; filename: string }[];
  /** How many pages the print edition has, when not every one is marked (a collection's title and contents). */
  printEditionPages?: number;
}

/**
 * One article's book: a single chapter, with the print edition's pages marked where they begin; with no
 * `pageStarts` (the build makes no PDF edition) nothing is marked, and the book has no page list.
 */
export function articleBook(
  meta: PublicationMeta,
  view: ArticleView,
  pageStarts: readonly string[] | undefined,
): EpubBook {
  const fragment = renderArticleFragment(view);
  const { html, pages } = pageStarts ? markPageBreaks(fragment, pageStarts) : { html: fragment, pages: [] };
  const chapters = [{ title: meta.title, filename: chapterFile, html }];
  return {
    meta,
    labels: view.labels,
    displayDate: view.displayDate,
    chapters,
    printPages: pages.map((page) => ({ page, filename: chapterFile })),
  };
}

/** The book, generated, with its cover and font licences added, in a reproducible container. */
export async function packageEpub(book: EpubBook, context: EpubContext): Promise<Uint8Array> {
  const { meta } = book;
  const { generated, licences, fontFiles } = await generateBook(book, context.buildDate, context.theme);
  const { cover } = context;
  const coverAlt = `${book.labels.cover}: ${meta.title}. ${meta.publication}, ${book.displayDate}.`;
  const extraFiles: ExtraFile[] = [
    { name: coverFiles.image, bytes: cover },
    {
      name: coverFiles.page,
      bytes: Mustache.render(readTemplate('epub/cover.xhtml'), {
        lang: meta.lang,
        dir: meta.dir,
        title: meta.title,
        image: coverFiles.image,
        alt: coverAlt,
      }),
    },
  ];
  extraFiles.push(...fontFiles);
  for (const licence of licences) extraFiles.push({ name: licence.name, bytes: await readFile(licence.path) });
  return finishEpub(generated, context.buildDate, extraFiles);
}

/** The single-article book as epub-gen-memory makes it, before the cover is added (for tests of its XHTML). */
export function generateEpub(
  article: Article,
  view: ArticleView,
  buildDate: Date,
  theme: EpubContext['theme'],
  pageStarts: readonly string[] = [],
) {
  return generateBook(articleBook(articleMeta(article), view, pageStarts), buildDate, theme);
}

/**
 * epub-gen-memory's part, which needs no browser: the package, chapters, nav and NCX, stored uncompressed;
 * and the font licences that must be added beside the fonts it embedded.
 */
async function generateBook(
  book: EpubBook,
  buildDate: Date,
  theme: EpubContext['theme'],
): Promise<{ generated: Uint8Array; licences: { name: string; path: string }[]; fontFiles: ExtraFile[] }> {
  const { meta, labels, chapters, printPages = [], printEditionPages = printPages.length } = book;
  const embedded = await epubFonts(
    [meta.title, meta.subtitle ?? '', ...chapters.map((chapter) => htmlText(chapter.html))].join('\n'),
    meta.lang,
  );
  const themeFonts = theme?.epub?.fonts ?? [];
  const licences = [
    ...embedded.licences,
    ...(themeFonts.length > 0 && theme?.fontLicence
      ? [{ name: `fonts/${theme.fontLicence.filename}`, path: theme.fontLicence.path }]
      : []),
  ];
  const options: Options &
    PackageFields & {
      subsetFonts: { filename: string; mediaType: string }[];
      labels: Labels;
      pageList: { label: string; href: string }[];
      sections: EpubBook['sections'];
    } = {
    ...packageFields(meta, {
      buildDate,
      hasCover: true,
      fontLicences: licences.map((licence) => licence.name),
      printPages: printPages.length > 0 ? printEditionPages : 0,
    }),
    labels,
    pageList: printPages.map(({ page, filename }) => ({ label: String(page), href: `${filename}#page-${page}` })),
    sections: book.sections,
    title: meta.title,
    author: meta.authors,
    // epub-gen-memory writes "by anonymous" without a publisher, and EPUBCheck rejects an empty description.
    publisher: meta.publication,
    description: meta.description,
    lang: meta.lang,
    date: meta.date,
    tocTitle: labels.contents,
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    version: 3,
    css:
      readTemplate('epub/epub.css') +
      embedded.css +
      (theme?.epub ? `\n/* The theme's epub.css */\n${theme.epub.css}\n` : ''),
    fonts: themeFonts.map((font) => ({ filename: font.filename, url: pathToFileURL(font.path).href })),
    // Made in memory, so added to the container afterwards (epub-gen-memory fetches only files and http).
    subsetFonts: embedded.fonts.map((font) => ({ filename: font.filename, mediaType: 'font/ttf' })),
    contentOPF: readTemplate('epub/content.opf.ejs'),
    chapterXHTML: readTemplate('epub/chapter.xhtml.ejs'),
    tocXHTML: readTemplate('epub/nav.xhtml.ejs'),
    tocNCX: readTemplate('epub/toc.ncx.ejs'),
    ignoreFailedDownloads: false,
    verbose: false,
  };
  const generator = await new EPub(
    options,
    chapters.map(({ title, html, filename }) => ({ title, content: html, filename, dir: meta.dir })),
  ).render();
  // Stored, not compressed: finishEpub compresses each file once.
  const fontFiles = embedded.fonts.map((font) => ({ name: `fonts/${font.filename}`, bytes: font.bytes }));
  return {
    generated: await generator.generateAsync({ type: 'uint8array', compression: 'STORE' }),
    licences,
    fontFiles,
  };
}
