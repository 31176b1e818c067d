// A collection's print page: a title page, a contents page, then each article on pages of its own (a named
// page per article, so its running head carries its title), page numbers running through the whole issue.
// The contents page needs the page each article begins on: the page is printed once, the articles' start
// pages are read from the PDF's bookmarks (one per headline), written into the loaded page, and it is printed
// again (and again, should the numbers move anything). The same load gives the EPUB cover and the press page.
import { pathToFileURL } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import type { HouseStyle } from '../config/house-style.js';
import { readTemplate, renderArticleFragment, renderPage, type ArticleView } from '../editions/article-view.js';
import { captureCover, coverViewport } from '../editions/cover.js';
import { hyphenateHtml, hyphenatorFor } from '../editions/hyphenate.js';
import { cssString, pageCss, printStylesheets, runningHead } from '../editions/print-html.js';
import { appendStyle, printPdf, type PrintPage, type PrintWants } from '../editions/print.js';
import { fillLabel, labelsFor } from '../labels/labels.js';
import { readableFor, withPage } from '../render/sandboxed-page.js';
import type { TabPool } from '../render/tab-pool.js';
import type { Collection } from './collection-file.js';

export interface CollectionPrintContext {
  tabs: TabPool;
  workDir: string;
  page: PageSize;
  style: HouseStyle;
}

/** The articles of a collection, in reading order, with the section each opens (if it opens one). */
export interface CollectedArticle {
  article: Article;
  /** What its templates show (made once, for every edition of the collection). */
  view: ArticleView;
  section: string | undefined;
}

/** The id of an article's place in the collection's pages (print and web); the download page links to it. */
export const articleAnchor = (index: number) => `article-${index + 1}`;

/** `entries` (one per collected article) grouped under the sections their articles open or continue. */
export function bySection<T>(collected: readonly CollectedArticle[], entries: readonly T[]): { title: string | undefined; entries: T[] }[] {
  const sections: { title: string | undefined; entries: T[] }[] = [];
  collected.forEach(({ section }, index) => {
    if (index === 0 || section !== collected[index - 1]!.section) sections.push({ title: section, entries: [] });
    sections.at(-1)!.entries.push(entries[index]!);
  });
  return sections;
}

/** What a collection's title page shows, in print and on the web: its head, and its photo with the credit. */
export function collectionHead(collection: Collection, collected: readonly CollectedArticle[], style: HouseStyle) {
  const labels = labelsFor(collection.lang, style.labels);
  const displayDate = new Intl.DateTimeFormat(collection.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${collection.date}T00:00:00Z`));
  // The collection's own cover photo, else the first article photo, with its credit.
  const lead = collected.find(({ article }) => article.images[0])?.article.images[0];
  const path = collection.cover ?? lead?.path;
  const photo = path && {
    path,
    url: pathToFileURL(path).href,
    alt: collection.cover ? '' : (lead?.alt ?? ''),
    credit: !collection.cover && lead?.credit ? fillLabel(labels.photo, { credit: lead.credit }) : undefined,
  };
  const logo = style.theme?.logo;
  const head = { lang: collection.lang, title: collection.title, publication: collection.publication, subtitle: collection.subtitle, displayDate, logoUrl: logo && pathToFileURL(logo.path).href };
  return { labels, displayDate, photo: photo || undefined, head };
}

export async function renderCollectionPage(collection: Collection, collected: readonly CollectedArticle[], context: CollectionPrintContext, wants: PrintWants): Promise<PrintPage & { startPages: number[] }> {
  const { tabs, workDir, page, style } = context;
  const { labels, head, photo } = collectionHead(collection, collected, style);
  const photoUrl = photo?.url;
  const photoCredit = photo?.credit;

  const articles = await Promise.all(
    collected.map(async ({ article, view }, index) => {
      const hyphenate = await hyphenatorFor(article.meta.lang);
      const fragment = renderArticleFragment(hyphenate ? { ...view, bodyHtml: hyphenateHtml(view.bodyHtml, hyphenate) } : view);
      return { id: articleAnchor(index), lang: article.meta.lang, title: article.meta.title, byline: view.byline, fragment, bodyClass: hyphenate ? 'justified' : 'ragged', view };
    }),
  );
  const sections = bySection(collected, articles);

  const css = (bleed: number) =>
    [
      pageCss({ ...articles[0]!.view, publication: collection.publication, title: collection.title, labels }, page, bleed),
      '@page front { @top-center { content: none; } }',
      ...articles.map(({ id, view }) => `@page ${id} { @top-center { content: ${cssString(runningHead(view))}; } }`),
    ].join('\n');
  const theme = style.theme;
  const html = renderPage(
    'collection/page.html',
    {
      ...head,
      labels,
      ...printStylesheets(theme, wants.cover, ['collection/collection.css']),
      pageCss: css(0),
      photoUrl,
      photoCredit,
      sections: sections.map((section) => ({ title: section.title, entries: section.entries.map(({ id, title, byline }) => ({ id, title, byline, page: '00' })) })),
      articles,
      cover: wants.cover && { ...head, photoUrl, photoCredit },
    },
    { coverBody: readTemplate('cover/cover-body.html') },
  );
  const readable = [...new Set(collected.flatMap(({ article }) => readableFor(article.dir, theme))), ...(collection.cover ? [collection.dir] : [])];
  const print = (loaded: Page) => printPdf(loaded, tabs.timeoutMs);

  return withPage({ tabs, html, workDir, name: collection.slug, readable, ...(wants.cover ? { viewport: coverViewport } : {}) }, async (loaded, step) => {
    step('capturing the cover');
    const cover = wants.cover ? await captureCover(loaded) : undefined;
    step('printing the PDF');
    let pdf = await print(loaded);
    let startPages = await articleStartPages(pdf, articles.length);
    // Numbers in the contents can move what follows (a wider number, a line more): print until they hold.
    for (let attempt = 0; attempt < 3; attempt++) {
      await loaded.evaluate((pages: Record<string, string>) => {
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('.contents-page'))) element.textContent = pages[element.dataset.for ?? ''] ?? '';
      }, Object.fromEntries(articles.map(({ id }, i) => [id, String(startPages[i])])));
      pdf = await print(loaded);
      const printed = await articleStartPages(pdf, articles.length);
      if (printed.join() === startPages.join()) break;
      startPages = printed;
    }
    let bleedPdf: Uint8Array | undefined;
    if (wants.bleed !== undefined) {
      step('printing the press page');
      await appendStyle(loaded, css(wants.bleed));
      bleedPdf = await print(loaded);
    }
    return { pdf, cover, bleedPdf, startPages };
  });
}

/** The page (1-based) each article begins on: where its headline's bookmark points, after the contents'. */
async function articleStartPages(pdf: Uint8Array, count: number): Promise<number[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((page) => page.ref.toString());
  const starts: number[] = [];
  let item = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  for (; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray);
    const target = destination?.get(0);
    if (target instanceof PDFRef) starts.push(pages.indexOf(target.toString()) + 1);
  }
  // The first bookmark is the contents page's own heading.
  const articleStarts = starts.slice(1);
  if (articleStarts.length !== count) throw new Error(`the collection's PDF has ${articleStarts.length} article bookmarks for ${count} articles`);
  return articleStarts;
}
