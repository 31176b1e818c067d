// What the press edition's pages are, as a print shop receives them: for a page whose content stays inside its
// margins, the print edition's own page placed at the bleed offset (the same page content, text layer and
// fonts; the bleed is blank paper); for a page with a background or a box pushed into the margins, the layout
// printed at bleed size, so that what touches the trim runs on to the BleedBox's edge.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  type PDFPage,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfX4 } from '../helpers/conformance.js';
import { imprint, withoutLowResolution } from '../helpers/imprint.js';
import { type Raster, rasterisePage } from '../helpers/pixels.js';

const run = promisify(execFile);
const slug = 'convoy-leaves-the-corridor';
const pt = (mm: number) => (mm * 72) / 25.4;
/** The press geometry a print shop is promised: 3 mm bleed, 12 mm for the marks beyond it. */
const bleed = 3;
const slugArea = 12;

/** A project with the rich fixture's article, `print.css` as its theme's, built into the print and press editions. */
async function buildProject(printCss: string | undefined): Promise<{ print: Buffer; press: Buffer; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-press-pages-'));
  await cp(resolve('tests/fixtures/rich'), join(dir, 'content'), { recursive: true });
  const config = ['build:', '  paths: [content]', '  out: output', '  formats: [pdf, press]'];
  if (printCss !== undefined) {
    config.unshift('theme: theme');
    await cp(resolve('tests/fixtures/house/theme'), join(dir, 'theme'), { recursive: true });
    await writeFile(join(dir, 'theme/print.css'), printCss);
  }
  await writeFile(join(dir, 'imprint.yaml'), `${config.join('\n')}\n`);
  const result = await imprint(['build'], dir);
  expect(withoutLowResolution(result.stderr)).toBe('');
  expect(result.code).toBe(0);
  const file = (suffix: string) => readFile(join(dir, 'output', slug, `${slug}${suffix}`));
  return { print: await file('.pdf'), press: await file('.press.pdf'), dir };
}

/** The one page a press sheet draws: the form XObject, and where the sheet's content stream places it. */
function placedPage(doc: PDFDocument, sheet: PDFPage) {
  const forms = sheet.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
  expect(forms.keys()).toHaveLength(1);
  const form = rawStream(doc, forms.get(forms.keys()[0]!));
  const drawing = new TextDecoder().decode(decodePDFRawStream(sheetContents(doc, sheet)[0]!).decode());
  // The matrices concatenated before the form is drawn: only translations and scales, so they multiply simply.
  const before = drawing.slice(0, drawing.indexOf(' Do'));
  let [scaleX, scaleY, x, y] = [1, 1, 0, 0];
  for (const [, a, , , d, e, f] of before.matchAll(/(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) cm/g)) {
    [x, y] = [x + scaleX * Number(e), y + scaleY * Number(f)];
    [scaleX, scaleY] = [scaleX * Number(a), scaleY * Number(d)];
  }
  const box = form.dict.lookup(PDFName.of('BBox'), PDFArray).asArray().map(Number);
  return { form, box, x, y, scaleX, scaleY };
}

function sheetContents(doc: PDFDocument, page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents()!;
  return (contents instanceof PDFArray ? contents.asArray() : [contents]).map((ref) => rawStream(doc, ref));
}

function rawStream(doc: PDFDocument, object: PDFObject | undefined): PDFRawStream {
  const stream = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (!(stream instanceof PDFRawStream)) throw new Error(`not a stream: ${String(object)}`);
  return stream;
}

const decoded = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode());

async function pdftool(tool: string, args: string[], bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-press-tool-'));
  await writeFile(join(dir, 'in.pdf'), bytes);
  return (await run(tool, [...args, join(dir, 'in.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])])).stdout;
}

/** pdffonts' table without its object numbers, which differ between files holding the same fonts. */
async function fontList(bytes: Buffer): Promise<string[]> {
  const lines = (await pdftool('pdffonts', [], bytes)).trim().split('\n').slice(2);
  return lines.map((line) => line.replace(/\s+\d+\s+\d+\s*$/, '').replace(/\s+/g, ' '));
}

/** The pixel at (x, y) points from the bottom left of a page rastered at `dpi`. */
function pixelAt(raster: Raster, dpi: number, x: number, y: number): [number, number, number] {
  const column = Math.round((x * dpi) / 72);
  const row = raster.height - 1 - Math.round((y * dpi) / 72);
  const at = (row * raster.width + column) * 3;
  return [raster.rgb[at]!, raster.rgb[at + 1]!, raster.rgb[at + 2]!];
}

describe("a page that keeps inside its margins (the rich fixture, imprint's own style)", () => {
  let print: Buffer;
  let press: Buffer;
  let printDoc: PDFDocument;
  let pressDoc: PDFDocument;

  beforeAll(async () => {
    ({ print, press } = await buildProject(undefined));
    printDoc = await PDFDocument.load(print, { updateMetadata: false });
    pressDoc = await PDFDocument.load(press, { updateMetadata: false });
  }, 180_000);

  it('is the print edition’s page, drawn unscaled with its corner on the TrimBox’s', () => {
    expect(pressDoc.getPageCount()).toBe(printDoc.getPageCount());
    for (const [index, sheet] of pressDoc.getPages().entries()) {
      const page = printDoc.getPage(index);
      const placed = placedPage(pressDoc, sheet);
      const media = page.getMediaBox();
      expect(placed.box).toEqual([media.x, media.y, media.x + media.width, media.y + media.height]);
      expect([placed.scaleX, placed.scaleY]).toEqual([1, 1]);
      expect(placed.x).toBeCloseTo(pt(slugArea + bleed), 3);
      expect(placed.y).toBeCloseTo(pt(slugArea + bleed), 3);
      // What the print page draws, operator for operator (pdf-lib wraps a page's content in q … Q).
      const printed = Buffer.concat(sheetContents(printDoc, page).map(decoded)).toString('latin1').trim();
      const form = decoded(placed.form).toString('latin1').trim();
      expect(form.startsWith('q') && form.endsWith('Q')).toBe(true);
      expect(form.slice(1, -1).trim()).toBe(printed);
    }
  });

  it('sets TrimBox = the trim (A4), BleedBox = trim + 3 mm, MediaBox = bleed + 12 mm for the marks', () => {
    for (const sheet of pressDoc.getPages()) {
      const box = (b: { x: number; y: number; width: number; height: number }) =>
        [b.x, b.y, b.width, b.height].map((value) => Math.round(value * 100) / 100);
      const edge = slugArea + bleed;
      expect(box(sheet.getTrimBox())).toEqual(box({ x: pt(edge), y: pt(edge), width: pt(210), height: pt(297) }));
      expect(box(sheet.getBleedBox())).toEqual(
        box({ x: pt(slugArea), y: pt(slugArea), width: pt(210 + 2 * bleed), height: pt(297 + 2 * bleed) }),
      );
      expect(box(sheet.getMediaBox())).toEqual(
        box({ x: 0, y: 0, width: pt(210 + 2 * edge), height: pt(297 + 2 * edge) }),
      );
    }
  });

  it('meets the PDF/X-4 clauses checked', async () => {
    expect(await checkPdfX4(press)).toEqual([]);
  });

  it('has the print edition’s text layer and fonts', async () => {
    const text = await pdftool('pdftotext', ['-raw', '-enc', 'UTF-8'], print);
    expect(text).toContain('Jane Doe / AP'.toUpperCase());
    expect(await pdftool('pdftotext', ['-raw', '-enc', 'UTF-8'], press)).toBe(text);
    const fonts = await fontList(print);
    expect(fonts.length).toBeGreaterThan(2);
    expect(await fontList(press)).toEqual(fonts);
  });

  it('looks like the print page inside the trim, with blank bleed and crop marks outside it', async () => {
    // 50.8 dpi puts the trim's corner (15 mm in) on a whole pixel: 30 px.
    const dpi = 50.8;
    const offset = 30;
    const printed = await rasterisePage(print, 1, dpi);
    const sheet = await rasterisePage(press, 1, dpi);
    // Poppler shows the press edition's colours through its sRGB DefaultRGB and output intent, the print
    // edition's as device RGB: they differ by up to ~25 levels a channel; a misplaced letter by far more.
    let differing = 0;
    for (let row = 0; row < printed.height; row++)
      for (let column = 0; column < printed.width; column++)
        for (let channel = 0; channel < 3; channel++) {
          const a = printed.rgb[(row * printed.width + column) * 3 + channel]!;
          const b = sheet.rgb[((row + offset) * sheet.width + column + offset) * 3 + channel]!;
          if (Math.abs(a - b) > 40) differing++;
        }
    expect(differing).toBe(0);
    const trim = pressDoc.getPage(0).getTrimBox();
    // The bleed just off the trim's corners: paper.
    for (const [x, y] of [
      [trim.x - pt(1.5), trim.y - pt(1.5)],
      [trim.x + trim.width + pt(1.5), trim.y + trim.height + pt(1.5)],
    ] as const)
      expect(pixelAt(sheet, dpi, x, y)).toEqual([255, 255, 255]);
    // A crop mark: in line with the trim's left edge, 5 to 10 mm below its bottom.
    const fine = await rasterisePage(press, 1, 150);
    const darkest = Math.min(
      ...[6, 7, 8, 9].flatMap((mm) => [-1, 0, 1].map((dx) => pixelAt(fine, 150, trim.x + dx / 2, trim.y - pt(mm))[0])),
    );
    expect(darkest).toBeLessThan(128);
  });
});

describe('a collection, whose print page goes through the same press page', () => {
  let print: Buffer;
  let press: Buffer;

  beforeAll(async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'imprint-press-collection-')), 'out');
    const collection = resolve('tests/fixtures/collection/weekend-edition.yaml');
    const result = await imprint(['build', collection, '--formats', 'pdf,press', '--out', out], process.cwd());
    expect(result.code).toBe(0);
    const file = (suffix: string) => readFile(join(out, 'weekend-edition', `weekend-edition${suffix}`));
    [print, press] = [await file('.pdf'), await file('.press.pdf')];
  }, 180_000);

  it('is imposed from the issue’s print pages, every one at the bleed offset, with their text', async () => {
    const printDoc = await PDFDocument.load(print, { updateMetadata: false });
    const pressDoc = await PDFDocument.load(press, { updateMetadata: false });
    expect(pressDoc.getPageCount()).toBe(printDoc.getPageCount());
    for (const [index, sheet] of pressDoc.getPages().entries()) {
      const placed = placedPage(pressDoc, sheet);
      const media = printDoc.getPage(index).getMediaBox();
      expect(placed.box).toEqual([media.x, media.y, media.x + media.width, media.y + media.height]);
      expect([placed.scaleX, placed.x]).toEqual([1, pt(slugArea + bleed)]);
    }
    const text = await pdftool('pdftotext', ['-raw', '-enc', 'UTF-8'], print);
    expect(await pdftool('pdftotext', ['-raw', '-enc', 'UTF-8'], press)).toBe(text);
    expect(await checkPdfX4(press)).toEqual([]);
  });
});

/** A warm yellow no template uses. */
const wash = '#ffe08a';
/** Within a few levels of `rgb`, and not paper. */
const near = (pixel: readonly number[], rgb: readonly number[]) =>
  rgb.some((value) => value < 240) && pixel.every((value, i) => Math.abs(value - rgb[i]!) <= 6);

describe.each([
  ['a page background set by the theme’s @page rule', `@page { background: ${wash}; }`],
  ['a dark colour scheme, whose canvas Chromium paints to the page’s edge', ':root { color-scheme: dark; }'],
])('a page with %s', (_, printCss) => {
  let press: Buffer;

  beforeAll(async () => {
    ({ press } = await buildProject(printCss));
  }, 180_000);

  it('is printed at bleed size: its background reaches every corner of the BleedBox', async () => {
    const doc = await PDFDocument.load(press, { updateMetadata: false });
    const sheet = doc.getPage(0);
    const placed = placedPage(doc, sheet);
    expect(placed.box[2]! * placed.scaleX).toBeCloseTo(pt(210 + 2 * bleed), 0);
    const dpi = 50.8;
    const raster = await rasterisePage(press, 1, dpi);
    const b = sheet.getBleedBox();
    // The background as the press edition shows it (through its colour management): inside the trim, in the margin.
    const trim = sheet.getTrimBox();
    const background = pixelAt(raster, dpi, trim.x + pt(4), trim.y + pt(4));
    const inset = pt(0.6);
    for (const [x, y] of [
      [b.x + inset, b.y + inset],
      [b.x + b.width - inset, b.y + inset],
      [b.x + inset, b.y + b.height - inset],
      [b.x + b.width - inset, b.y + b.height - inset],
    ] as const)
      expect(near(pixelAt(raster, dpi, x, y), background)).toBe(true);
    // Outside the BleedBox: paper.
    expect(pixelAt(raster, dpi, b.x - pt(1.5), b.y - pt(1.5))).toEqual([255, 255, 255]);
    expect(await checkPdfX4(press)).toEqual([]);
  });
});

describe.each([
  // A background on the root element: Chromium paints it over the page area, inside the margins.
  ['a background on the root element', `html { background: ${wash}; }`],
  // The masthead as a band of colour meant to run across the whole page: clipped at the page area.
  [
    'a box the theme pushes into the margins',
    `.article-head { margin-inline: -40mm; padding-inline: 40mm; background: ${wash}; }`,
  ],
])('a page with %s', (_, printCss) => {
  let print: Buffer;
  let press: Buffer;

  beforeAll(async () => {
    ({ print, press } = await buildProject(printCss));
  }, 180_000);

  it('stops at the type area in the print edition, so the press edition is the print page at the bleed offset', async () => {
    // If Chromium ever painted these into the margins, bleed-check.ts would have to look for them.
    const dpi = 50.8;
    const printed = await rasterisePage(print, 1, dpi);
    const doc = await PDFDocument.load(print, { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    const side = pt(23.1); // A4's side margin, 11% of the width
    const rows = Array.from({ length: 60 }, (_, mm) => height - pt(15 + mm));
    const washed = (x: number, reference: number) =>
      rows.filter((y) => near(pixelAt(printed, dpi, x, y), pixelAt(printed, dpi, reference, y))).length;
    expect(washed(side + pt(3), side + pt(1))).toBeGreaterThan(10);
    expect(washed(side - pt(1), side + pt(1))).toBe(0);
    expect(washed(width - side + pt(1), width - side - pt(1))).toBe(0);
    const pressDoc = await PDFDocument.load(press, { updateMetadata: false });
    const placed = placedPage(pressDoc, pressDoc.getPage(0));
    expect([placed.box[2], placed.scaleX]).toEqual([width, 1]);
  });
});
