// Document information Chromium cannot write (Author, Subject, Keywords, fixed dates), set with pdf-lib.
// A plain pdf-lib load/save keeps Chromium's structure tree and outline.
import { PDFDocument } from 'pdf-lib';
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

export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<FinishedPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.authors.join('; '));
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator(`imprint ${toolVersion}`);
  doc.setProducer(`imprint ${toolVersion} (Chromium, pdf-lib)`);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return { bytes: await doc.save(), pageCount: doc.getPageCount() };
}
