// The archival edition: the print PDF made permanent, not re-rendered. Chromium's file keeps its text layer
// (every glyph mapped to Unicode), its structure tags, links, outline, fonts and photos byte for byte; pdf-lib
// adds what PDF/A-2u asks on top: an sRGB output intent with its ICC profile, XMP that agrees with the
// document information, a document ID, printable annotations.
import { PDFDocument } from 'pdf-lib';
import { toolVersion } from '../../paths.js';
import type { PublicationMeta } from '../publication-meta.js';
import { applyDocumentInfo, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';
import {
  embedIccProfile,
  iccProfile,
  makeAnnotationsPrintable,
  setOutputIntent,
  setXmpAndId,
} from './pdf-standards.js';
import { uaProblems } from './pdf-ua.js';

export const archivalStandard = { part: 2, conformance: 'U' } as const;

export async function renderArchivalEdition(
  printPdf: Uint8Array,
  publication: PublicationMeta,
  meta: PdfMetadata,
): Promise<FinishedPdf> {
  const doc = await PDFDocument.load(printPdf, { updateMetadata: false });
  const via = 'Chromium, pdf-lib';
  applyDocumentInfo(doc, meta, via);
  const profile = embedIccProfile(doc, iccProfile('srgb.icc'), 3);
  setOutputIntent(doc, {
    subtype: 'GTS_PDFA1',
    profile,
    identifier: 'sRGB IEC61966-2.1',
    condition: 'sRGB IEC61966-2.1',
    registry: 'http://www.color.org',
  });
  makeAnnotationsPrintable(doc);
  // The print edition's tags come along: when they meet PDF/UA-1, the archival copy says so too.
  const pdfua = uaProblems(doc).length === 0 ? { pdfua: { part: 1 as const } } : {};
  setXmpAndId(
    doc,
    publication,
    meta,
    `imprint ${toolVersion} (${via})`,
    { pdfa: archivalStandard, ...pdfua },
    printPdf,
  );
  return { bytes: await doc.save({ useObjectStreams: false }), pageCount: doc.getPageCount() };
}
