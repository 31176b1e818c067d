// Print typography on a multi-page fixture: build-time hyphenation, what is never hyphenated, figures kept
// with their captions, and trim sizes.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { pdfInfo, pdfPageTexts } from '../helpers/pdf.js';

const slug = 'convoy-leaves-the-corridor';
const source = 'tests/fixtures/rich/convoy-leaves-the-corridor.md';
let pages: string[];
let pdf: Uint8Array;
let bookPdf: Uint8Array;

beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'imprint-print-'));
  await build(['tests/fixtures/rich'], v.parse(buildOptionsSchema, { outDir, formats: ['pdf'] }));
  pdf = await readFile(join(outDir, slug, `${slug}.pdf`));
  pages = await pdfPageTexts(pdf);
  const bookDir = await mkdtemp(join(tmpdir(), 'imprint-print-6x9-'));
  await build(
    ['tests/fixtures/rich'],
    v.parse(buildOptionsSchema, { outDir: bookDir, formats: ['pdf'], page: '6in x 9in' }),
  );
  bookPdf = await readFile(join(bookDir, slug, `${slug}.pdf`));
});

describe('hyphenation', () => {
  it('breaks words at line ends with build-time hyphens, in words the article really has', async () => {
    const text = (await readFile(source, 'utf8')).replace(/\s+/g, ' ');
    const breaks = [
      ...(pages.join('\n') + '\n' + (await pdfPageTexts(bookPdf)).join('\n')).matchAll(/(\p{L}+)-\n(\p{Ll}+)/gu),
    ];
    // A break inside a word the source has whole: a soft hyphen at work (a hard hyphen would join to a non-word).
    const hyphenated = breaks.map(([, head, tail]) => `${head}${tail}`).filter((word) => text.includes(word));
    expect(hyphenated.length).toBeGreaterThanOrEqual(1);
  });

  it('never hyphenates the headline or URLs', () => {
    const joined = pages.join('\n');
    expect(joined.replace(/\n/g, ' ')).toContain('Convoy Leaves the Corridor as Talks Resume');
    const url =
      'https://example.org/documents/2024/04/18/agreement-on-the-phased-withdrawal-of-peacekeeping-forces-from-the-region-full-text.pdf';
    expect(joined.replace(/\n/g, '')).toContain(url);
  });
});

describe('figures', () => {
  it('prints each photo on the same page as its caption', async () => {
    const doc = await PDFDocument.load(pdf);
    const imagesOnPage = doc.getPages().map((page) => {
      const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
      if (!(xObjects instanceof PDFDict)) return 0;
      return xObjects.keys().filter((key) => {
        const object = doc.context.lookup(xObjects.get(key));
        return (object as { dict?: PDFDict }).dict?.get(PDFName.of('Subtype')) === PDFName.of('Image');
      }).length;
    });
    for (const caption of [
      'The last convoy leaves the Lachin Corridor on Thursday.',
      'The region at the centre of the dispute.',
    ]) {
      const page = pages.findIndex((text) => text.replace(/\n/g, ' ').includes(caption));
      expect(page).toBeGreaterThanOrEqual(0);
      expect(imagesOnPage[page]).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('page set-ups', () => {
  it('sets a 6 × 9 inch trim on more pages, numbered "Page X of Y"', async () => {
    const info = await pdfInfo(bookPdf);
    expect(info.pageSizes[0]).toEqual({ width: 432, height: 648 });
    expect(info.pageCount).toBeGreaterThan(pages.length);
    const bookPages = await pdfPageTexts(bookPdf);
    expect(bookPages.at(-1)).toContain(`Page ${info.pageCount} of ${info.pageCount}`);
    expect(bookPages.at(-1)).toContain('AFP contributed reporting.');
  });
});
