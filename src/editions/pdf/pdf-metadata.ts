// Document information Chromium cannot write (Author, Subject, Keywords, fixed dates), set with pdf-lib.
// A plain pdf-lib load/save keeps Chromium's structure tree and outline.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString, ReadingDirection } from 'pdf-lib';
import { toolVersion } from '../../paths.js';

export interface PdfMetadata {
  title: string;
  authors: string[];
  subject: string;
  keywords: string[];
  lang: string;
  /** A right-to-left document asks viewers to lay its pages out from right to left (/ViewerPreferences /Direction /R2L). */
  dir: 'ltr' | 'rtl';
  /** Creation and modification date; fixed so a rebuild of unchanged input gives the same bytes. */
  date: Date;
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

/**
 * Bookmark titles are for finding, not for breaking lines: Chromium takes them from the laid-out heading, so
 * a soft hyphen stays in and the space where a headline wraps is lost ("PeacekeepersWithdrawing"). Each title
 * becomes the heading as written, found among `headings` by its letters; else it only loses soft hyphens.
 */
export function cleanBookmarks(doc: PDFDocument, headings: readonly string[]): void {
  const letters = (text: string) => text.replace(/[\s\u00AD]/g, '');
  const written = new Map(headings.map((heading) => [letters(heading), heading]));
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      if (title !== undefined) {
        const clean = written.get(letters(title)) ?? title.replaceAll('\u00AD', '');
        if (clean !== title) node.set(PDFName.of('Title'), PDFHexString.fromText(clean));
      }
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/** The document information dictionary, the same in every PDF edition; `via` names what made the file. */
export function applyDocumentInfo(doc: PDFDocument, meta: PdfMetadata, via: string): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(documentAuthor(meta));
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  if (meta.dir === 'rtl') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  doc.setCreator(documentCreator);
  doc.setProducer(`imprint ${toolVersion} (${via})`);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
}

export const documentCreator = `imprint ${toolVersion}`;

export function documentAuthor(meta: PdfMetadata): string {
  return meta.authors.join('; ');
}

/** A document ID that is the same on every rebuild: derived from `seed` (what was converted), not random. */
export function setDocumentId(doc: PDFDocument, seed: Uint8Array): string {
  const id = createHash('sha256').update(seed).digest('hex').slice(0, 32).toUpperCase();
  const pair = PDFArray.withContext(doc.context);
  pair.push(PDFHexString.of(id));
  pair.push(PDFHexString.of(id));
  doc.context.trailerInfo.ID = pair;
  return id;
}
