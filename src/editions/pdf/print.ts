// The print edition's page: article HTML → Chromium PDF (finished in print-finish.ts). The same page load also
// gives the press edition's pages: the print PDF's own, unless something on the page reaches past the trim
// (bleed-check.ts), when the loaded page is printed again at bleed size. The EPUB cover is drawn without it
// (page/cover.ts). The press page serves a collection's print page too (collection/collection-print.ts).

import type { Page } from 'puppeteer-core';
import type { Article } from '../../article/article.js';
import type { PageSize } from '../../article/page-size.js';
import type { HouseStyle } from '../../config/house-style.js';
import { assertBundledFonts } from '../../fonts/machine-fonts.js';
import { readableFor, withPage } from '../../render/sandboxed-page.js';
import type { TabPool } from '../../render/tab-pool.js';
import type { ArticleView } from '../page/article-view.js';
import { hyphenateHtml, hyphenatorFor } from '../page/hyphenate.js';
import { pageCss, renderPrintHtml } from '../page/print-html.js';
import { whatReachesPastTrim } from './bleed-check.js';

/** What rendering any page of a build needs: the browser's tabs, a folder for the page, its size, the house style. */
export interface PageContext {
  tabs: TabPool;
  workDir: string;
  page: PageSize;
  style: HouseStyle;
}

/** What loading a publication's print page needs (an article's here, a collection's in collection/). */
export interface PrintContext extends PageContext {
  /** The publication's own folders: the only ones of the user's its page may read, beside the theme's. */
  folders: readonly string[];
}

/** What one load of a print page gives: Chromium's PDF and the press page. */
export interface PrintPage {
  /** Chromium's PDF at trim size; printed for the press edition too when nothing reaches past the trim. */
  pdf: Uint8Array | undefined;
  /**
   * The same layout printed at trim + bleed on every side, for the press edition to impose instead of `pdf`:
   * only when something on the page reaches past the trim.
   */
  bleedPdf: Uint8Array | undefined;
  /** The page (1-based) each of a collection's articles begins on; undefined for an article. */
  startPages?: number[];
}

export interface PrintWants {
  pdf: boolean;
  /** Millimetres of bleed for the press page, or undefined for none. */
  bleed: number | undefined;
}

export async function renderPrintPage(
  article: Article,
  view: ArticleView,
  context: PrintContext,
  wants: PrintWants,
): Promise<PrintPage> {
  const hyphenate = await hyphenatorFor(article.meta.lang);
  const printView = hyphenate ? { ...view, bodyHtml: await hyphenateHtml(view.bodyHtml, hyphenate) } : view;
  const { tabs, workDir } = context;
  const { theme } = context.style;
  const { html, fonts } = renderPrintHtml(printView, context.page, {
    justified: hyphenate !== undefined,
    theme,
  });
  return withPage(
    { tabs, html, workDir, name: article.slug, readable: readableFolders(context) },
    async (page, step) => {
      step('printing the PDF');
      const printed = wants.pdf ? await printPdf(page, tabs.timeoutMs) : undefined;
      const press =
        wants.bleed === undefined
          ? { pdf: printed, bleedPdf: undefined }
          : await printPressPage(page, printed, pageCss(view, context.page, wants.bleed), context, step);
      if (press.pdf) await assertBundledFonts(press.pdf, fonts.drawsEmoji, theme?.root, article.slug);
      return press;
    },
  );
}

/**
 * The pages the press edition imposes, from a loaded print page: the print PDF itself (printed now if it was
 * not yet) when nothing on the page reaches past the trim, else the page printed again at bleed size with
 * `bleedCss` appended (later @page rules win, so there is no second load).
 */
export async function printPressPage(
  page: Page,
  printed: Uint8Array | undefined,
  bleedCss: string,
  context: Pick<PageContext, 'tabs' | 'style'>,
  step: (doing: string) => void,
): Promise<Pick<PrintPage, 'pdf' | 'bleedPdf'>> {
  const { timeoutMs } = context.tabs;
  step('measuring what reaches past the trim');
  const bleeds = await whatReachesPastTrim(page, context.style.theme);
  if (bleeds === undefined) return { pdf: printed ?? (await printPdf(page, timeoutMs)), bleedPdf: undefined };
  step(`printing the press page at bleed size (${bleeds})`);
  await appendStyle(page, bleedCss);
  return { pdf: printed, bleedPdf: await printPdf(page, timeoutMs) };
}

/**
 * Chromium's PDF of a loaded print page: @page sizes, backgrounds, bookmarks from the headings, tags.
 * Laid out for print first, and the fonts that layout asks for awaited: Chromium loads a web font when
 * text first needs it, and the page may have been laid out only for the screen (the EPUB cover, which
 * hides the article), so without this the PDF could be printed while a face still loads, in whatever the
 * machine has instead (Liberation, DejaVu), with other line breaks from one build to the next.
 */
export async function printPdf(page: Page, timeoutMs: number): Promise<Uint8Array> {
  await page.emulateMediaType('print');
  try {
    await page.evaluate(async () => {
      void document.body.offsetHeight;
      await document.fonts.ready;
    });
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: timeoutMs,
    });
  } finally {
    await page.emulateMediaType();
  }
}

/** What a print page may read: the publication's folders, the templates, the fonts and the theme. */
export function readableFolders({ folders, style }: Pick<PrintContext, 'folders' | 'style'>): string[] {
  return [...new Set(folders.flatMap((folder) => readableFor(folder, style.theme)))];
}

/** Rules added to a loaded page after its own (later @page rules win). */
export async function appendStyle(page: Page, css: string): Promise<void> {
  await page.evaluate(
    (rules) => document.head.append(Object.assign(document.createElement('style'), { textContent: rules })),
    css,
  );
}
