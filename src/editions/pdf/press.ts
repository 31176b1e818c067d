// The press edition, for a print shop: each page placed on a larger sheet with crop marks outside the bleed
// (TrimBox = trim, BleedBox = trim + bleed, MediaBox holds the marks), written as PDF/X-4: colour stays
// device-independent (Chromium's RGB is declared sRGB through a DefaultRGB colour space, photos keep their
// own ICC profiles) and a CMYK output intent tells the print shop's RIP which press condition to separate for.
// The pages are the print edition's own, placed at the bleed offset, when nothing on them reaches past the
// trim (the bleed is then blank paper); else the layout printed at trim size plus 3 mm bleed, placed over the
// whole BleedBox (print.ts `printPressPage` decides). Text, fonts and photos stay exactly as Chromium wrote them.
import {
  cmyk,
  PDFDict,
  PDFDocument,
  type PDFEmbeddedPage,
  PDFName,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { type PageSize, pageDimensions } from '../../article/page-size.js';
import { toolVersion } from '../../paths.js';
import { nextTurn } from '../../render/deadline.js';
import type { PublicationMeta } from '../publication-meta.js';
import { applyDocumentInfo, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';
import { embedIccProfile, iccProfile, setOutputIntent, setXmpAndId } from './pdf-standards.js';
import { pressGeometry, pressProfile, pressStandard } from './press-settings.js';

const pt = (mm: number) => (mm * 72) / 25.4;

export interface PressContext {
  page: PageSize;
}

/**
 * What the press edition imposes: `bleedPdf` when the print layout was rendered at trim + bleed on every side
 * (pageCss in page/print-html.ts sets the bleed page's size), else `pdf`, Chromium's print PDF at trim size.
 */
export interface PressPages {
  pdf: Uint8Array | undefined;
  bleedPdf: Uint8Array | undefined;
}

export async function renderPressEdition(
  pages: PressPages,
  publication: PublicationMeta,
  meta: PdfMetadata,
  context: PressContext,
): Promise<FinishedPdf> {
  const trim = pageDimensions(context.page);
  const source = pages.bleedPdf ?? pages.pdf;
  if (!source) throw new Error('the press edition has no pages: the print page was not printed');
  const { sheet: doc, embedded } = await imposeWithMarks(source, pages.bleedPdf !== undefined, trim);
  // pdf-lib writes the embedded pages' forms only now (their resources need DefaultRGB too); one page at a
  // time with a turn of the event loop between, as flush() does all of them in one block (9 s for 400 pages).
  for (const page of embedded) {
    await page.embed();
    await nextTurn();
  }
  await doc.flush();
  const via = 'Chromium, pdf-lib';
  applyDocumentInfo(doc, meta, via);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(pressStandard));
  declareRgbAsSrgb(doc, embedIccProfile(doc, iccProfile('srgb.icc'), 3));
  const cmykProfile = embedIccProfile(doc, iccProfile(pressProfile.file), 4);
  setOutputIntent(doc, {
    subtype: 'GTS_PDFX',
    profile: cmykProfile,
    identifier: 'Custom',
    condition: pressProfile.condition,
  });
  // The ID comes from the imposed sheets, not from Chromium's page, whose tag IDs differ between runs.
  const sheets = await doc.save({ useObjectStreams: false });
  setXmpAndId(doc, publication, meta, `imprint ${toolVersion} (${via})`, { pdfx: { version: pressStandard } }, sheets);
  return { bytes: await doc.save({ useObjectStreams: false }), pageCount: doc.getPageCount() };
}

/**
 * PDF/X-4 allows DeviceRGB only where a DefaultRGB colour space makes it device-independent: every resource
 * dictionary (the sheets', and those of the embedded pages, their forms and patterns) gets sRGB as its
 * DefaultRGB, and transparency groups blend in sRGB rather than DeviceRGB.
 */
function declareRgbAsSrgb(doc: PDFDocument, srgb: PDFRef): void {
  const iccBased = doc.context.obj([PDFName.of('ICCBased'), srgb]);
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict
        ? object
        : object instanceof PDFStream || object instanceof PDFRawStream
          ? object.dict
          : undefined;
    if (!dict) continue;
    const resources = dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
    if (resources) {
      const spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? doc.context.obj({});
      spaces.set(PDFName.of('DefaultRGB'), iccBased);
      resources.set(PDFName.of('ColorSpace'), spaces);
    }
    const group = dict.lookupMaybe(PDFName.of('Group'), PDFDict);
    if (group?.get(PDFName.of('CS')) === PDFName.of('DeviceRGB')) group.set(PDFName.of('CS'), iccBased);
  }
}

/**
 * Each page on a sheet large enough for the marks, with the boxes set and crop marks at the trim lines: a
 * bleed page stretched over the BleedBox, a trim-size page at its own size with its corner on the TrimBox's.
 */
async function imposeWithMarks(
  pdf: Uint8Array,
  atBleedSize: boolean,
  trim: { width: number; height: number },
): Promise<{ sheet: PDFDocument; embedded: PDFEmbeddedPage[] }> {
  const { bleed, slug } = pressGeometry;
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const sheet = await PDFDocument.create({ updateMetadata: false });
  const pages = await sheet.embedPages(source.getPages());
  for (const embedded of pages) {
    const page = sheet.addPage([pt(trim.width + 2 * (bleed + slug)), pt(trim.height + 2 * (bleed + slug))]);
    page.drawPage(
      embedded,
      atBleedSize
        ? { x: pt(slug), y: pt(slug), width: pt(trim.width + 2 * bleed), height: pt(trim.height + 2 * bleed) }
        : { x: pt(slug + bleed), y: pt(slug + bleed) },
    );
    setBoxes(page, trim);
    drawCropMarks(page, trim);
  }
  return { sheet, embedded: pages };
}

function setBoxes(page: PDFPage, trim: { width: number; height: number }): void {
  const { bleed, slug } = pressGeometry;
  page.setBleedBox(pt(slug), pt(slug), pt(trim.width + 2 * bleed), pt(trim.height + 2 * bleed));
  page.setTrimBox(pt(slug + bleed), pt(slug + bleed), pt(trim.width), pt(trim.height));
}

/** Eight hairlines in registration colour (all four inks), in line with the trim edges, starting past the bleed. */
function drawCropMarks(page: PDFPage, trim: { width: number; height: number }): void {
  const { bleed, slug, markGap, markLength } = pressGeometry;
  const left = slug + bleed;
  const bottom = slug + bleed;
  const right = left + trim.width;
  const top = bottom + trim.height;
  const near = bleed + markGap;
  const far = near + markLength;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({
      start: { x: pt(x1), y: pt(y1) },
      end: { x: pt(x2), y: pt(y2) },
      thickness: 0.25,
      color: cmyk(1, 1, 1, 1),
    });
  for (const x of [left, right]) {
    line(x, bottom - near, x, bottom - far);
    line(x, top + near, x, top + far);
  }
  for (const y of [bottom, top]) {
    line(left - near, y, left - far, y);
    line(right + near, y, right + far, y);
  }
}
