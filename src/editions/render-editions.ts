// One article's editions, rendered in memory; nothing is written here. The print page is loaded once and
// gives Chromium's PDF, the EPUB cover and the press page (the same layout printed at bleed size); the
// archival edition is made from the print PDF, and the web page last, offering the others.
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import type { HouseStyle } from '../config/house-style.js';
import { editionSuffix, type Edition } from '../options.js';
import type { TabPool } from '../render/tab-pool.js';
import { articleView } from './article-view.js';
import { renderArchivalEdition } from './archival.js';
import { renderEpub } from './epub.js';
import type { FinishedPdf } from './pdf-metadata.js';
import { pressGeometry, renderPressEdition } from './press.js';
import { finishPrintEdition, pdfMetadata, renderPrintPage } from './print.js';
import { pageStarts as printPageStarts, pdfPageTexts } from './page-breaks.js';
import { runningHead } from './print-html.js';
import { pdfFirstPageJpeg } from './thumbnail.js';
import { renderWebEdition, type Download, type WebFile } from './web.js';

export interface RenderedEdition {
  edition: Edition;
  /** The file's name in the article's folder (the web edition has several). */
  name: string;
  bytes: Uint8Array;
  pages?: number;
}

export interface RenderContext {
  tabs: TabPool;
  workDir: string;
  page: PageSize;
  style: HouseStyle;
}

export async function renderEditions(article: Article, editions: readonly Edition[], { tabs, workDir, page, style }: RenderContext): Promise<RenderedEdition[]> {
  const view = articleView(article, style);
  const buildDate = reproducibleDate(article);
  const wants = (edition: Edition) => editions.includes(edition);
  const { theme } = style;
  const printPage = renderPrintPage(article, view, { tabs, workDir, page, buildDate, theme }, {
    // The EPUB marks where the print edition's pages begin, so it needs the print PDF too.
    pdf: wants('pdf') || wants('archival') || wants('epub'),
    cover: wants('epub'),
    bleed: wants('press') ? pressGeometry.bleed : undefined,
  });
  // Rejections surface through the editions below; this keeps an unused branch from being "unhandled".
  printPage.catch(() => undefined);
  let print: Promise<FinishedPdf> | undefined;
  const printPdf = () => (print ??= printPage.then(({ pdf }) => finishPrintEdition(pdf!, article, buildDate)));
  const meta = pdfMetadata(article, buildDate);
  const files = await Promise.all(
    editions.filter((edition) => edition !== 'html').map(async (edition): Promise<RenderedEdition> => {
      const name = `${article.slug}${editionSuffix[edition]}`;
      if (edition === 'epub') {
        const pageStarts = printPage.then(async ({ pdf }) => printPageStarts(await pdfPageTexts(pdf!, tabs.timeoutMs), runningHead(view)));
        return { edition, name, bytes: await renderEpub(article, view, { buildDate, theme, cover: printPage.then(({ cover }) => cover!), pageStarts }) };
      }
      let pdf: FinishedPdf;
      if (edition === 'pdf') pdf = await printPdf();
      else if (edition === 'archival') pdf = await renderArchivalEdition((await printPdf()).bytes, article, meta);
      else pdf = await renderPressEdition((await printPage).bleedPdf!, article, meta, { page });
      return { edition, name, bytes: pdf.bytes, pages: pdf.pageCount };
    }),
  );
  if (!wants('html')) return files;
  return withWebEdition(files, async (downloads) =>
    renderWebEdition(article, view, {
      downloads,
      pageThumbnail: wants('pdf') || wants('archival') ? await pdfFirstPageJpeg((await printPdf()).bytes, tabs.timeoutMs) : undefined,
      cover: wants('epub') ? (await printPage).cover : undefined,
    }),
  );
}

/** The editions and, last, the web page's files: it offers the other editions, with their sizes and pictures of them. */
export async function withWebEdition(files: RenderedEdition[], renderPage: (downloads: Download[]) => Promise<WebFile[]>): Promise<RenderedEdition[]> {
  const downloads = files.map(({ edition, name, bytes, pages }) => ({ edition: edition as Download['edition'], name, bytes: bytes.byteLength, ...(pages === undefined ? {} : { pages }) }));
  const web = await renderPage(downloads);
  return [...files, ...web.map(({ name, bytes }) => ({ edition: 'html' as const, name, bytes }))];
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the article's date: never the clock. */
function reproducibleDate(article: Article): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${article.meta.date}T00:00:00Z`);
}
