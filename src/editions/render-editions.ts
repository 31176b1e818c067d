// One article's editions, rendered in memory; nothing is written here. The print page is loaded once and
// gives both Chromium's PDF and the EPUB cover; the archival edition is made from the print PDF, the press
// edition from the same layout rendered at bleed size.
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import type { Edition } from '../options.js';
import type { TabPool } from '../render/tab-pool.js';
import { articleView } from './article-view.js';
import { renderArchivalEdition } from './archival.js';
import { renderEpub } from './epub.js';
import type { FinishedPdf } from './pdf-metadata.js';
import { pressGeometry, renderPressEdition } from './press.js';
import { finishPrintEdition, pdfMetadata, renderPrintPage } from './print.js';

export interface RenderedEdition {
  edition: Edition;
  bytes: Uint8Array;
  pages?: number;
}

export interface RenderContext {
  tabs: TabPool;
  workDir: string;
  page: PageSize;
}

export async function renderEditions(article: Article, editions: readonly Edition[], { tabs, workDir, page }: RenderContext): Promise<RenderedEdition[]> {
  const view = articleView(article);
  const buildDate = reproducibleDate(article);
  const wants = (edition: Edition) => editions.includes(edition);
  const printContext = { tabs, workDir, page, buildDate };
  const printWants = { pdf: wants('pdf') || wants('archival'), cover: wants('epub') };
  // Only the press edition wanted: its bleed page is all that needs loading.
  const printPage = printWants.pdf || printWants.cover ? renderPrintPage(article, view, printContext, printWants) : Promise.resolve({ pdf: undefined, cover: undefined });
  const chromiumPdf = printPage.then(({ pdf }) => pdf!);
  let print: Promise<FinishedPdf> | undefined;
  const printPdf = () => (print ??= chromiumPdf.then((pdf) => finishPrintEdition(pdf, article, buildDate)));
  const meta = pdfMetadata(article, buildDate);
  // Rejections surface through the editions below; this keeps an unused branch from being "unhandled".
  printPage.catch(() => undefined);
  return Promise.all(
    editions.map(async (edition): Promise<RenderedEdition> => {
      if (edition === 'epub') return { edition, bytes: await renderEpub(article, view, { buildDate, cover: printPage.then(({ cover }) => cover!) }) };
      let pdf: FinishedPdf;
      if (edition === 'pdf') pdf = await printPdf();
      else if (edition === 'archival') pdf = await renderArchivalEdition((await printPdf()).bytes, article, meta);
      else {
        const bleedPage = await renderPrintPage(article, view, { ...printContext, bleed: pressGeometry.bleed }, { pdf: true, cover: false });
        pdf = await renderPressEdition(bleedPage.pdf!, article, meta, { page });
      }
      return { edition, bytes: pdf.bytes, pages: pdf.pageCount };
    }),
  );
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the article's date: never the clock. */
function reproducibleDate(article: Article): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${article.meta.date}T00:00:00Z`);
}
