// The print edition finished from Chromium's PDF (print.ts): reproducible structure IDs, clean bookmarks, the
// document information, PDF/UA's tags and XMP. Kept apart from the page printing so that pdf-lib loads while
// Chromium lays out a cold build's first page, not before it (editions/render.ts).
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { toolVersion } from '../../paths.js';
import type { PublicationMeta } from '../publication-meta.js';
import { applyDocumentInfo, cleanBookmarks, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';
import { setXmpAndId } from './pdf-standards.js';
import { completeForPdfUa, uaProblems } from './pdf-ua.js';
import { renumberStructureIds } from './structure-ids.js';

/**
 * Chromium's PDF finished: reproducible structure IDs, clean bookmarks, the document information, the tags
 * PDF/UA asks for, and XMP that claims PDF/UA-1 when the checked conditions hold (see pdf-ua.ts).
 */
export async function finishPrintEdition(
  chromiumPdf: Uint8Array,
  publication: PublicationMeta,
  buildDate: Date,
  headings: readonly string[],
): Promise<FinishedPdf> {
  const meta = pdfMetadata(publication, buildDate);
  const doc = await PDFDocument.load(chromiumPdf, { updateMetadata: false });
  renumberStructureIds(doc);
  cleanBookmarks(doc, headings);
  const via = 'Chromium, pdf-lib';
  applyDocumentInfo(doc, meta, via);
  completeForPdfUa(doc);
  const standard = uaProblems(doc).length === 0 ? { pdfua: { part: 1 as const } } : {};
  setXmpAndId(doc, publication, meta, `imprint ${toolVersion} (${via})`, standard, pageContents(doc));
  return { bytes: await doc.save(), pageCount: doc.getPageCount() };
}

/**
 * What the pages draw, as the seed of the document ID: the same layout gives the same ID (Chromium's own
 * bytes would not: its structure IDs count across every page the renderer has loaded).
 */
function pageContents(doc: PDFDocument): Uint8Array {
  const hash = createHash('sha256');
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) if (stream instanceof PDFRawStream) hash.update(stream.contents);
  }
  return hash.digest();
}

/** The document information every PDF edition of the publication carries. */
export function pdfMetadata(publication: PublicationMeta, date: Date): PdfMetadata {
  return {
    title: publication.title,
    authors: publication.authors,
    subject: publication.description,
    keywords: publication.tags,
    lang: publication.lang,
    dir: publication.dir,
    date,
  };
}
