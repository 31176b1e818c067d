// The print edition: article HTML → Chromium PDF → document metadata.
import type { Browser } from 'puppeteer-core';
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import type { ArticleView } from './article-view.js';
import { readableFor } from './browser-page.js';
import { hyphenateHtml, hyphenatorFor } from './hyphenate.js';
import { setPdfMetadata, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';
import { renderPrintHtml } from './print-html.js';
import { renderPdf } from './print-pdf.js';

export interface PrintContext {
  browser: Browser;
  workDir: string;
  page: PageSize;
  buildDate: Date;
  timeoutMs: number;
  /** Millimetres of bleed on every side (the press edition's raw page); none for the print edition. */
  bleed?: number;
}

export async function renderPrintEdition(article: Article, view: ArticleView, context: PrintContext): Promise<FinishedPdf> {
  return setPdfMetadata(await renderPrintPage(article, view, context), pdfMetadata(article, context.buildDate));
}

/** Chromium's PDF of the print layout, before any post-processing (the press edition imposes this). */
export async function renderPrintPage(article: Article, view: ArticleView, context: PrintContext): Promise<Uint8Array> {
  const hyphenate = await hyphenatorFor(article.meta.lang);
  const printView = hyphenate ? { ...view, bodyHtml: hyphenateHtml(view.bodyHtml, hyphenate) } : view;
  const html = renderPrintHtml(printView, context.page, { justified: hyphenate !== undefined, bleed: context.bleed ?? 0 });
  const name = context.bleed ? `${article.slug}.bleed` : article.slug;
  return renderPdf({ browser: context.browser, html, workDir: context.workDir, name, timeoutMs: context.timeoutMs, readable: readableFor(article.dir) });
}

/** The document information every PDF edition of the article carries. */
export function pdfMetadata(article: Article, date: Date): PdfMetadata {
  return { title: article.meta.title, authors: article.authors, subject: article.description, keywords: article.meta.tags, lang: article.meta.lang, date };
}
