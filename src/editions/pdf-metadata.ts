// Document information Chromium cannot write (Author, Subject, Keywords, fixed dates), set with pdf-lib.
// A plain pdf-lib load/save keeps Chromium's structure tree and outline.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { toolVersion } from '../paths.js';

export interface PdfMetadata {
  title: string;
  authors: string[];
  subject: string;
  keywords: string[];
  lang: string;
  /** Creation and modification date; fixed so a rebuild of unchanged input gives the same bytes. */
  date: Date;
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

/** Bookmark titles are for finding, not for breaking lines: no soft hyphen, whatever the heading held. */
export function removeSoftHyphensFromBookmarks(doc: PDFDocument): void {
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title?.decodeText().includes('\u00AD')) node.set(PDFName.of('Title'), PDFHexString.fromText(title.decodeText().replaceAll('\u00AD', '')));
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
