// A collection's print page: a title page, a contents page, then each article on pages of its own (a named
// page per article, so its running head carries its title), page numbers running through the whole issue.
// The contents page needs the page each article begins on: the page is printed once, the articles' start
// pages are read from the PDF's bookmarks (one per headline), written into the loaded page, and it is printed
// again (and again, should the numbers move anything). The same load gives the press page (the print PDF's
// own pages, or the issue printed again at bleed size when something reaches past the trim).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { renderArticleFragment, renderPage } from '../editions/page/article-view.js';
import { hyphenateHtml, hyphenatorFor } from '../editions/page/hyphenate.js';
import { cssString, furnitureText, pageCss, printStylesheets, runningHead } from '../editions/page/print-html.js';
import {
  type PrintContext,
  type PrintPage,
  type PrintWants,
  printPdf,
  printPressPage,
  readableFolders,
} from '../editions/pdf/print.js';
import { articleAnchor } from '../editions/publication.js';
import { assertBundledFonts } from '../fonts/machine-fonts.js';
import { htmlText } from '../fonts/missing-glyphs.js';
import { pageFonts } from '../fonts/page-fonts.js';
import { pageNumbering } from '../labels/dates.js';
import { withPage } from '../render/sandboxed-page.js';
import type { Collection } from './collection-file.js';
import { bySection, type CollectedArticle, collectionHead } from './collection-view.js';

/** Printed whatever `wants.pdf` says: the contents page needs the PDF to find where each article begins. */
export async function renderCollectionPage(
  collection: Collection,
  collected: readonly CollectedArticle[],
  context: PrintContext,
  wants: PrintWants,
): Promise<PrintPage & { startPages: number[] }> {
  const { tabs, workDir, page, style } = context;
  const { labels, head, photo } = collectionHead(collection, collected, style);
  const photoUrl = photo?.url;
  const photoCredit = photo?.credit;

  const articles = await Promise.all(
    collected.map(async ({ article, view }, index) => {
      const hyphenate = await hyphenatorFor(article.meta.lang);
      const fragment = renderArticleFragment(
        hyphenate ? { ...view, bodyHtml: await hyphenateHtml(view.bodyHtml, hyphenate) } : view,
      );
      return {
        id: articleAnchor(index),
        lang: article.meta.lang,
        dir: view.dir,
        title: article.meta.title,
        byline: view.byline,
        fragment,
        bodyClass: hyphenate ? 'justified' : 'ragged',
        view,
      };
    }),
  );
  const sections = bySection(collected, articles);

  // The footer in the collection's language and digits; its running heads are its articles'.
  const furniture = {
    publication: collection.publication,
    title: collection.title,
    labels,
    ...pageNumbering(collection.lang, style.numerals),
  };
  const css = (bleed: number) =>
    [
      pageCss(furniture, page, bleed),
      '@page front { @top-center { content: none; } }',
      ...articles.map(({ id, view }) => `@page ${id} { @top-center { content: ${cssString(runningHead(view))}; } }`),
    ].join('\n');
  const theme = style.theme;
  // Everything the page prints: its title page, contents and furniture, and every article.
  const printed = [
    furnitureText(furniture),
    head.publication,
    head.title,
    head.subtitle,
    head.displayDate,
    labels.contents,
    photoCredit,
    ...articles.flatMap(({ fragment, view }) => [htmlText(fragment), runningHead(view)]),
  ];
  const fonts = pageFonts(printed.filter(Boolean).join('\n'), collection.lang);
  const html = renderPage('collection/page.html', {
    ...head,
    labels,
    ...printStylesheets(theme, fonts, ['collection/collection.css']),
    pageCss: [css(0), fonts.css].join('\n'),
    photoUrl,
    photoCredit,
    sections: sections.map((section) => ({
      title: section.title,
      entries: section.entries.map(({ id, title, byline }) => ({ id, title, byline, page: '00' })),
    })),
    articles,
  });
  const readable = readableFolders(context);
  const print = (loaded: Page) => printPdf(loaded, tabs.timeoutMs);

  return withPage({ tabs, html, workDir, name: collection.slug, readable }, async (loaded, step) => {
    step('printing the PDF');
    let pdf = await print(loaded);
    await assertBundledFonts(pdf, fonts.drawsEmoji, theme?.root, collection.slug);
    let startPages = await articleStartPages(pdf, articles.length);
    // Numbers in the contents can move what follows (a wider number, a line more): print until they hold.
    for (let attempt = 0; attempt < 3; attempt++) {
      await loaded.evaluate(
        (pages: Record<string, string>) => {
          for (const element of Array.from(document.querySelectorAll<HTMLElement>('.contents-page')))
            element.textContent = pages[element.dataset.for ?? ''] ?? '';
        },
        Object.fromEntries(articles.map(({ id }, i) => [id, String(startPages[i])])),
      );
      pdf = await print(loaded);
      const printed = await articleStartPages(pdf, articles.length);
      if (printed.join() === startPages.join()) break;
      startPages = printed;
    }
    const bleedPdf =
      wants.bleed === undefined
        ? undefined
        : (await printPressPage(loaded, pdf, css(wants.bleed), context, step)).bleedPdf;
    return { pdf, bleedPdf, startPages };
  });
}

/** The page (1-based) each article begins on: where its headline's bookmark points, after the contents'. */
async function articleStartPages(pdf: Uint8Array, count: number): Promise<number[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((page) => page.ref.toString());
  const starts: number[] = [];
  let item = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  for (; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const destination =
      item.lookupMaybe(PDFName.of('Dest'), PDFArray) ??
      item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray);
    const target = destination?.get(0);
    if (target instanceof PDFRef) starts.push(pages.indexOf(target.toString()) + 1);
  }
  // The first bookmark is the contents page's own heading.
  const articleStarts = starts.slice(1);
  if (articleStarts.length !== count)
    throw new Error(`the collection's PDF has ${articleStarts.length} article bookmarks for ${count} articles`);
  return articleStarts;
}
