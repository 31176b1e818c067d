// What a reader of the PDF gets: its text layer (pdfjs), page sizes, document info and fonts (pdf-lib).

import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, lines joined by newlines, as a copy-paste from a PDF viewer gives it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** Every font the PDF uses, with whether its glyphs are embedded in the file. */
export async function pdfFonts(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await PDFDocument.load(bytes);
  const lookup = (object: PDFObject | undefined) => (object instanceof PDFRef ? doc.context.lookup(object) : object);
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType0') || subtype === PDFName.of('CIDFontType2')) continue; // counted via their Type0 parent
    const name = String(object.get(PDFName.of('BaseFont')) ?? '(Type3)');
    if (subtype === PDFName.of('Type3')) {
      fonts.push({ name, embedded: true }); // glyphs are drawn by the PDF itself
      continue;
    }
    const descendants = lookup(object.get(PDFName.of('DescendantFonts')));
    const font = descendants instanceof PDFArray ? lookup(descendants.get(0)) : object;
    const descriptor = font instanceof PDFDict ? lookup(font.get(PDFName.of('FontDescriptor'))) : undefined;
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
    fonts.push({ name, embedded });
  }
  return fonts;
}

export async function pdfInfo(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = doc.catalog;
  return {
    pageCount: doc.getPageCount(),
    pageSizes: doc.getPages().map((page) => page.getSize()),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    lang: String(catalog.get(PDFName.of('Lang')) ?? ''),
    tagged: catalog.has(PDFName.of('StructTreeRoot')),
    hasOutline: catalog.has(PDFName.of('Outlines')),
  };
}
