// The press edition, for a print shop: the page rendered at trim size plus 3 mm bleed, placed on a larger
// sheet with crop marks outside the bleed (TrimBox = trim, BleedBox = trim + bleed, MediaBox holds the
// marks), then converted by Ghostscript to PDF/X-3 in CMYK with an output intent, all fonts embedded.
import Mustache from 'mustache';
import { PDFDocument, PDFName, rgb, type PDFPage } from 'pdf-lib';
import type { Article } from '../article/article.js';
import { pageDimensions, type PageSize } from '../article/page-size.js';
import { readTemplate } from './article-view.js';
import { convertWithGhostscript, ghostscriptIccProfile, postScriptString } from './ghostscript.js';
import { applyDocumentInfo, setDocumentId, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';

/** Millimetres: bleed beyond the trim; crop marks start past the bleed and run outward. */
export const pressGeometry = { bleed: 3, markGap: 2, markLength: 5, slug: 12 } as const;
export const pressProfile = { file: 'ps_cmyk.icc', condition: 'Ghostscript ps_cmyk.icc (generic CMYK, uncoated-press characterisation)' };

const pt = (mm: number) => (mm * 72) / 25.4;

export interface PressContext {
  workDir: string;
  buildDate: Date;
  timeoutMs: number;
  page: PageSize;
}

/** `bleedPdf` is the print layout rendered at trim + bleed on every side (see renderPrintHtml's bleed). */
export async function renderPressEdition(bleedPdf: Uint8Array, article: Article, meta: PdfMetadata, context: PressContext): Promise<FinishedPdf> {
  const trim = pageDimensions(context.page);
  const imposed = await imposeWithMarks(bleedPdf, trim);

  const icc = ghostscriptIccProfile(pressProfile.file);
  const converted = await convertWithGhostscript({
    input: imposed,
    definitions: Mustache.render(readTemplate('press/pdfx-def.ps'), { iccProfile: postScriptString(icc), condition: postScriptString(pressProfile.condition) }),
    args: ['-dPDFX', '-dPDFXCompatibilityPolicy=1', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', `--permit-file-read=${icc}`],
    workDir: context.workDir,
    name: `${article.slug}.press`,
    timeoutMs: context.timeoutMs,
    sourceDate: context.buildDate,
  });

  const doc = await PDFDocument.load(converted, { updateMetadata: false });
  doc.getPages().forEach((page) => setBoxes(page, trim)); // whatever Ghostscript kept, the boxes are ours
  applyDocumentInfo(doc, meta, 'Chromium, pdf-lib, Ghostscript');
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info && 'set' in info) {
    (info as { set: (key: PDFName, value: unknown) => void }).set(PDFName.of('Trapped'), PDFName.of('False'));
  }
  setDocumentId(doc, imposed);
  return { bytes: await doc.save({ useObjectStreams: false }), pageCount: doc.getPageCount() };
}

/** Each page on a sheet large enough for the marks, with the boxes set and crop marks at the trim lines. */
async function imposeWithMarks(bleedPdf: Uint8Array, trim: { width: number; height: number }): Promise<Uint8Array> {
  const { bleed, slug } = pressGeometry;
  const source = await PDFDocument.load(bleedPdf);
  const sheet = await PDFDocument.create({ updateMetadata: false });
  const pages = await sheet.embedPages(source.getPages());
  for (const embedded of pages) {
    const page = sheet.addPage([pt(trim.width + 2 * (bleed + slug)), pt(trim.height + 2 * (bleed + slug))]);
    page.drawPage(embedded, { x: pt(slug), y: pt(slug), width: pt(trim.width + 2 * bleed), height: pt(trim.height + 2 * bleed) });
    setBoxes(page, trim);
    drawCropMarks(page, trim);
  }
  return sheet.save({ useObjectStreams: false });
}

function setBoxes(page: PDFPage, trim: { width: number; height: number }): void {
  const { bleed, slug } = pressGeometry;
  page.setBleedBox(pt(slug), pt(slug), pt(trim.width + 2 * bleed), pt(trim.height + 2 * bleed));
  page.setTrimBox(pt(slug + bleed), pt(slug + bleed), pt(trim.width), pt(trim.height));
}

/** Eight hairlines in line with the trim edges, starting past the bleed so they are trimmed away. */
function drawCropMarks(page: PDFPage, trim: { width: number; height: number }): void {
  const { bleed, slug, markGap, markLength } = pressGeometry;
  const left = slug + bleed;
  const bottom = slug + bleed;
  const right = left + trim.width;
  const top = bottom + trim.height;
  const near = bleed + markGap;
  const far = near + markLength;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: pt(x1), y: pt(y1) }, end: { x: pt(x2), y: pt(y2) }, thickness: 0.25, color: rgb(0, 0, 0) });
  for (const x of [left, right]) {
    line(x, bottom - near, x, bottom - far);
    line(x, top + near, x, top + far);
  }
  for (const y of [bottom, top]) {
    line(left - near, y, left - far, y);
    line(right + near, y, right + far, y);
  }
}
