// One article's editions, rendered in memory; nothing is written here. The print page is loaded once and
// gives Chromium's PDF, the EPUB cover and the press page (the same layout printed at bleed size); the
// archival edition is made from the print PDF.
import type { Article } from '../article/article.js';
import type { PageSize } from '../article/page-size.js';
import type { HouseStyle } from '../config/house-style.js';
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
  style: HouseStyle;
}

export async function renderEditions(article: Article, editions: readonly Edition[], { tabs, workDir, page, style }: RenderContext): Promise<RenderedEdition[]> {
  const view = articleView(article, style);
  const buildDate = reproducibleDate(article);
  const wants = (edition: Edition) => editions.includes(edition);
  const { theme } = style;
  const printPage = renderPrintPage(article, view, { tabs, workDir, page, buildDate, theme }, {
    pdf: wants('pdf') || wants('archival'),
    cover: wants('epub'),
    bleed: wants('press') ? pressGeometry.bleed : undefined,
  });
  // Rejections surface through the editions below; this keeps an unused branch from being "unhandled".
  printPage.catch(() => undefined);
  let print: Promise<FinishedPdf> | undefined;
  const printPdf = () => (print ??= printPage.then(({ pdf }) => finishPrintEdition(pdf!, article, buildDate)));
  const meta = pdfMetadata(article, buildDate);
  return Promise.all(
    editions.map(async (edition): Promise<RenderedEdition> => {
      if (edition === 'epub') return { edition, bytes: await renderEpub(article, view, { buildDate, theme, cover: printPage.then(({ cover }) => cover!) }) };
      let pdf: FinishedPdf;
      if (edition === 'pdf') pdf = await printPdf();
      else if (edition === 'archival') pdf = await renderArchivalEdition((await printPdf()).bytes, article, meta);
      else pdf = await renderPressEdition((await printPage).bleedPdf!, article, meta, { page });
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
