// The press edition as a print shop checks it: page boxes, crop marks outside the trim, PDF/X-4 markers,
// device-independent colour with a CMYK output intent, and embedded fonts.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFString } from 'pdf-lib';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { pdfFonts, pdfPageTexts } from '../helpers/pdf.js';

const slug = 'convoy-leaves-the-corridor';
const mm = (value: number) => (value * 72) / 25.4;
let outDir: string;
let bytes: Uint8Array;
let doc: PDFDocument;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-press-'));
  const [result] = await build(['tests/fixtures/rich'], v.parse(buildOptionsSchema, { outDir, formats: ['press'] }));
  expect(result).toMatchObject({ ok: true });
  bytes = await readFile(join(outDir, slug, `${slug}.press.pdf`));
  doc = await PDFDocument.load(bytes, { updateMetadata: false });
});

describe('page boxes', () => {
  it('has TrimBox = A4, BleedBox = trim + 3 mm, and a MediaBox with room for the marks, on every page', () => {
    for (const page of doc.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      const media = page.getMediaBox();
      expect(trim.width).toBeCloseTo(mm(210), 1);
      expect(trim.height).toBeCloseTo(mm(297), 1);
      expect(trim.x - bleed.x).toBeCloseTo(mm(3), 1);
      expect(bleed.width).toBeCloseTo(mm(216), 1);
      expect(bleed.height).toBeCloseTo(mm(303), 1);
      expect(bleed.x - media.x).toBeGreaterThanOrEqual(mm(10));
      expect(media.width).toBeCloseTo(trim.width + 2 * (trim.x - media.x), 1);
    }
  });
});

describe('crop marks', () => {
  it('are drawn on the trim lines outside the bleed, and nothing else is in the bleed corner', async () => {
    // Render page 1 in grey at 72 dpi: one pixel per point, origin top left.
    const dir = await mkdtemp(join(tmpdir(), 'imprint-press-raster-'));
    await promisify(execFile)('pdftoppm', [
      '-r',
      '72',
      '-gray',
      '-f',
      '1',
      '-l',
      '1',
      join(outDir, slug, `${slug}.press.pdf`),
      join(dir, 'page'),
    ]);
    const pgm = await readFile(join(dir, 'page-1.pgm'));
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/
      .exec(pgm.subarray(0, 40).toString('latin1'))!
      .map(Number) as [number, number, number];
    const pixels = pgm.subarray(pgm.length - width * height);
    const page = doc.getPage(0);
    const trim = page.getTrimBox();
    const mediaHeight = page.getMediaBox().height;
    const at = (x: number, y: number) => pixels[Math.round(mediaHeight - y) * width + Math.round(x)]!;
    const darkest = (points: [number, number][]) =>
      Math.min(...points.map(([x, y]) => Math.min(at(x, y), at(x + 1, y), at(x - 1, y), at(x, y + 1), at(x, y - 1))));
    const along = (from: number, to: number, fixed: number, vertical: boolean) =>
      Array.from(
        { length: Math.round(to - from) },
        (_, i) => (vertical ? [fixed, from + i] : [from + i, fixed]) as [number, number],
      );
    // The vertical mark below the bottom-left corner of the trim, 5 to 10 mm out.
    expect(darkest(along(trim.y - mm(9.5), trim.y - mm(5.5), trim.x, true))).toBeLessThan(128);
    // The horizontal mark left of the top-right corner's line, mirrored on the right side.
    expect(
      darkest(along(trim.x + trim.width + mm(5.5), trim.x + trim.width + mm(9.5), trim.y + trim.height, false)),
    ).toBeLessThan(128);
    // Inside the bleed, diagonally off the corner: blank paper.
    expect(at(trim.x - mm(1.5), trim.y - mm(1.5))).toBeGreaterThan(240);
  });
});

describe('PDF/X-4', () => {
  it('declares PDF/X-4 with a CMYK output intent, untrapped', () => {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect((info.get(PDFName.of('GTS_PDFXVersion')) as PDFString).decodeText()).toBe('PDF/X-4');
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    const intent = doc.context.lookup(doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).get(0), PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as unknown as { dict: PDFDict };
    expect(String(profile.dict.get(PDFName.of('N')))).toBe('4');
  });

  it('declares its RGB as sRGB (DefaultRGB) for the RIP to separate, and embeds every font, keeping the text', async () => {
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('/DefaultRGB');
    expect(text).toContain('/ICCBased');
    expect((await pdfFonts(bytes)).filter((font) => !font.embedded)).toEqual([]);
    expect((await pdfPageTexts(bytes)).join('\n')).toContain('Valery Sharifulin / TASS'.toUpperCase());
  });
});
