// The print edition: article HTML → Chromium PDF → document metadata. The same page load also gives the
// EPUB's cover (see cover.ts), and, at bleed size, the press edition's page.
import { pathToFileURL } from 'node:url';
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import { readableFor, withPage } from '../render/sandboxed-page.js';
import type { TabPool } from '../render/tab-pool.js';
import type { ArticleView } from './article-view.js';
import { captureCover, coverViewport } from './cover.js';
import { hyphenateHtml, hyphenatorFor } from './hyphenate.js';
import { setPdfMetadata, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';
import { renderPrintHtml } from './print-html.js';

export interface PrintContext {
  tabs: TabPool;
  workDir: string;
  page: PageSize;
  buildDate: Date;
  /** Millimetres of bleed on every side (the press edition's raw page); none for the print edition. */
  bleed?: number;
}

/** What one load of the article's print page gives: Chromium's PDF, the EPUB cover, or both. */
export interface PrintPage {
  pdf: Uint8Array | undefined;
  cover: Uint8Array | undefined;
}

export async function renderPrintPage(article: Article, view: ArticleView, context: PrintContext, wants: { pdf: boolean; cover: boolean }): Promise<PrintPage> {
  const hyphenate = await hyphenatorFor(article.meta.lang);
  const printView = hyphenate ? { ...view, bodyHtml: hyphenateHtml(view.bodyHtml, hyphenate) } : view;
  const photo = article.images[0]?.path;
  const cover = wants.cover ? { photoUrl: photo && pathToFileURL(photo).href } : undefined;
  const html = renderPrintHtml(printView, context.page, { justified: hyphenate !== undefined, bleed: context.bleed ?? 0, cover });
  const name = context.bleed ? `${article.slug}.bleed` : article.slug;
  const { tabs, workDir } = context;
  // The cover's viewport is set before the page loads; print layout follows @page, whatever the viewport.
  return withPage({ tabs, html, workDir, name, readable: readableFor(article.dir), ...(cover ? { viewport: coverViewport } : {}) }, async (page, step, tab) => {
    step('printing the PDF');
    const pdf = wants.pdf ? await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: tabs.timeoutMs }) : undefined;
    step('capturing the cover');
    return { pdf, cover: cover ? await tab.inFront(() => captureCover(page)) : undefined };
  });
}

export async function finishPrintEdition(chromiumPdf: Uint8Array, article: Article, buildDate: Date): Promise<FinishedPdf> {
  return setPdfMetadata(chromiumPdf, pdfMetadata(article, buildDate));
}

/** The document information every PDF edition of the article carries. */
export function pdfMetadata(article: Article, date: Date): PdfMetadata {
  return { title: article.meta.title, authors: article.authors, subject: article.description, keywords: article.meta.tags, lang: article.meta.lang, date };
}
