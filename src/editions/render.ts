// The one edition dispatch, for an article or a collection alike (see publication.ts); nothing is written here.
// The print page is loaded once and gives Chromium's PDF and the press pages (the print PDF's own, or the
// layout printed at bleed size when something reaches past the trim): the print PDF is finished, the archival
// copy made from it, the press edition imposed from the press pages, and the web page comes last, offering the
// others. The EPUB's cover is drawn without a browser (page/cover.ts), so an EPUB-only build loads no page at
// all; the EPUB marks where the print PDF's pages begin (a page list and pageBreakSource) only when the build
// makes a PDF edition too: an EPUB built alone has no page list.
// Each edition's code (pdf-lib, the EPUB packer, the cover's renderer…) is imported when this dispatch first
// asks for it, and asked for before the print page is awaited: in a cold build it loads while Chromium starts
// and lays out the first page, instead of before the first article is read.
import { type Edition, editionSuffix, needsBrowser } from '../edition.js';
import type { TabPool } from '../render/tab-pool.js';
import { pdfPageTexts } from './page/page-breaks.js';
import type { FinishedPdf } from './pdf/pdf-metadata.js';
import { pressGeometry } from './pdf/press-settings.js';
import type { PageContext } from './pdf/print.js';
import { buildDate, type Publication } from './publication.js';
import type { Download } from './web/web.js';

const code = {
  cover: () => import('./page/cover.js'),
  epub: () => import('./epub/epub.js'),
  print: () => import('./pdf/print-finish.js'),
  archival: () => import('./pdf/archival.js'),
  press: () => import('./pdf/press.js'),
  thumbnail: () => import('./web/thumbnail.js'),
};

export interface RenderedEdition {
  edition: Edition;
  /** The file's name in the publication's folder (the web edition has several). */
  name: string;
  bytes: Uint8Array;
  pages?: number;
}

/** What rendering needs: the browser's tabs only when an edition needs Chromium (see needsBrowser). */
export interface RenderContext extends Omit<PageContext, 'tabs'> {
  tabs: TabPool | undefined;
  /** Called once the tabs are no longer needed: the print page is done (or there is none). */
  doneWithTabs?: () => void;
}

export async function renderEditions(
  publication: Publication,
  editions: readonly Edition[],
  context: RenderContext,
): Promise<RenderedEdition[]> {
  const { meta, headings } = publication;
  const date = buildDate(meta);
  const wants = (edition: Edition) => editions.includes(edition);
  const { tabs } = context;
  if (!tabs && needsBrowser(editions)) throw new Error('these editions need the browser, and none was given');
  // Only a PDF edition needs the print page loaded; the EPUB marks where the print edition's pages begin only
  // when one is made, and then it needs the print PDF too.
  const makesPdf = wants('pdf') || wants('archival') || wants('press');
  const pageList = wants('epub') && makesPdf;
  const printPage =
    tabs && makesPdf
      ? publication.renderPrintPage(
          { ...context, tabs },
          {
            pdf: wants('pdf') || wants('archival') || pageList,
            bleed: wants('press') ? pressGeometry.bleed : undefined,
          },
        )
      : Promise.reject(new Error('no print page: no PDF edition was asked for'));
  const cover = wants('epub')
    ? code
        .cover()
        .then(({ drawCover }) =>
          drawCover(publication.cover, context.style.theme?.coverCss, { besideBrowser: tabs !== undefined }),
        )
    : undefined;
  const finishing = makesPdf ? code.print() : undefined;
  finishing?.catch(() => undefined);
  if (wants('epub')) void code.epub().catch(() => undefined);
  if (wants('archival')) void code.archival().catch(() => undefined);
  if (wants('press')) void code.press().catch(() => undefined);
  // Nothing after the print page uses the browser (the thumbnail and page list come from its PDF).
  // Rejections surface through the editions below; the catch keeps an unused branch from being "unhandled".
  printPage.finally(() => context.doneWithTabs?.()).catch(() => undefined);
  cover?.catch(() => undefined);
  let print: Promise<FinishedPdf> | undefined;
  const printPdf = () =>
    (print ??= printPage.then(async ({ pdf }) => (await finishing!).finishPrintEdition(pdf!, meta, date, headings)));
  const info = async () => (await finishing!).pdfMetadata(meta, date);
  const files = await Promise.all(
    editions
      .filter((edition) => edition !== 'html')
      .map(async (edition): Promise<RenderedEdition> => {
        const name = `${meta.slug}${editionSuffix[edition]}`;
        if (edition === 'epub') {
          const page = pageList ? await printPage : undefined;
          const book = await publication.epubBook(page, page ? await pdfPageTexts(page.pdf!, tabs!.timeoutMs) : []);
          const { packageEpub } = await code.epub();
          return {
            edition,
            name,
            bytes: await packageEpub(book, { buildDate: date, cover: (await cover)!, theme: context.style.theme }),
          };
        }
        let pdf: FinishedPdf;
        if (edition === 'pdf') pdf = await printPdf();
        else if (edition === 'archival')
          pdf = await (await code.archival()).renderArchivalEdition((await printPdf()).bytes, meta, await info());
        else
          pdf = await (await code.press()).renderPressEdition(await printPage, meta, await info(), {
            page: context.page,
          });
        return { edition, name, bytes: pdf.bytes, pages: pdf.pageCount };
      }),
  );
  if (!wants('html')) return files;
  // The web page offers the other editions, with their sizes and pictures of them (the PDF's first page, the EPUB's cover).
  const downloads = files.map(({ edition, name, bytes, pages }) => ({
    edition: edition as Download['edition'],
    name,
    bytes: bytes.byteLength,
    ...(pages === undefined ? {} : { pages }),
  }));
  const web = await publication.renderWebPage({
    downloads,
    pageThumbnail:
      wants('pdf') || wants('archival')
        ? await (await code.thumbnail()).pdfFirstPageJpeg(
            (await printPdf()).bytes,
            tabs!.timeoutMs,
            meta.images[0]?.photoCredit,
          )
        : undefined,
    cover: await cover,
  });
  return [...files, ...web.map(({ name, bytes }) => ({ edition: 'html' as const, name, bytes }))];
}
