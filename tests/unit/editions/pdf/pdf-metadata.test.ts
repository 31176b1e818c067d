// A PDF's document information, stable ID and bookmark titles, set with pdf-lib on an in-memory document.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  applyDocumentInfo,
  cleanBookmarks,
  documentCreator,
  type PdfMetadata,
  setDocumentId,
} from '../../../../src/editions/pdf/pdf-metadata.js';
import { toolVersion } from '../../../../src/paths.js';

const meta: PdfMetadata = {
  title: 'Ferries return',
  authors: ['Ana Ruiz', 'Li Wei'],
  subject: 'The first crossing in two years',
  keywords: ['harbour', 'transport'],
  lang: 'en-GB',
  dir: 'ltr',
  date: new Date('2024-04-17T00:00:00Z'),
};

async function reloaded(doc: PDFDocument): Promise<PDFDocument> {
  return PDFDocument.load(await doc.save({ useObjectStreams: false }), { updateMetadata: false });
}

describe('applyDocumentInfo', () => {
  it('writes title, authors, subject, keywords, language, tool and fixed dates', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    applyDocumentInfo(doc, meta, 'Chromium');
    const read = await reloaded(doc);
    expect(read.getTitle()).toBe('Ferries return');
    expect(read.getAuthor()).toBe('Ana Ruiz; Li Wei');
    expect(read.getSubject()).toBe('The first crossing in two years');
    expect(read.getKeywords()).toBe('harbour transport');
    expect(read.getCreator()).toBe(documentCreator);
    expect(read.getProducer()).toBe(`imprint ${toolVersion} (Chromium)`);
    expect(read.getCreationDate()?.toISOString()).toBe('2024-04-17T00:00:00.000Z');
    expect(read.getModificationDate()?.toISOString()).toBe('2024-04-17T00:00:00.000Z');
    expect(read.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText()).toBe('en-GB');
    expect(
      read.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('Direction')),
    ).toBeUndefined();
  });

  it('asks viewers to turn a right-to-left document’s pages from right to left', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    applyDocumentInfo(doc, { ...meta, lang: 'ar', dir: 'rtl' }, 'Chromium');
    const prefs = (await reloaded(doc)).catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs?.get(PDFName.of('Direction'))).toBe(PDFName.of('R2L'));
  });
});

describe('setDocumentId', () => {
  it('derives the same ID from the same input, another from another, and writes it twice in the trailer', async () => {
    const a = await PDFDocument.create();
    const b = await PDFDocument.create();
    const seed = new TextEncoder().encode('<html>ferries</html>');
    const id = setDocumentId(a, seed);
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(setDocumentId(b, seed)).toBe(id);
    expect(setDocumentId(b, new TextEncoder().encode('<html>other</html>'))).not.toBe(id);
    a.addPage();
    const text = Buffer.from(await a.save({ useObjectStreams: false })).toString('latin1');
    expect(text).toContain(`/ID [ <${id}> <${id}> ]`);
  });
});

describe('cleanBookmarks', () => {
  /** A document whose outline has these titles, the second nested under the first. */
  async function withOutline(titles: [string, string]): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    doc.addPage();
    const { context } = doc;
    const outlines = context.obj({ Type: 'Outlines' });
    const [top, child] = titles.map((title) => context.obj({ Title: PDFHexString.fromText(title) }));
    child!.set(PDFName.of('Parent'), context.register(top!));
    top!.set(PDFName.of('First'), context.register(child!));
    outlines.set(PDFName.of('First'), context.register(top!));
    doc.catalog.set(PDFName.of('Outlines'), context.register(outlines));
    return doc;
  }
  const titles = (doc: PDFDocument) => {
    const top = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
    const child = top.lookup(PDFName.of('First'), PDFDict);
    return [top, child].map((node) => node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText());
  };

  it('gives each bookmark its heading as written: no soft hyphen, and the space where the line wrapped', async () => {
    const doc = await withOutline(['Peace\u00ADkeepersWithdrawing', 'Port of Ode\u00ADsa']);
    cleanBookmarks(doc, ['Peacekeepers Withdrawing', 'Port of Odesa']);
    expect(titles(await reloaded(doc))).toEqual(['Peacekeepers Withdrawing', 'Port of Odesa']);
  });

  it('drops soft hyphens from a bookmark that matches no heading, and leaves clean ones alone', async () => {
    const doc = await withOutline(['Un\u00ADknown', 'Already clean']);
    cleanBookmarks(doc, ['Something else']);
    expect(titles(await reloaded(doc))).toEqual(['Unknown', 'Already clean']);
  });
});
