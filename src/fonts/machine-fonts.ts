// The guard behind "builds never depend on the machine's fonts": after Chromium prints, every font in the
// PDF must be a bundled Noto face or one of the theme's own. Anything else (DejaVu, Liberation…) means a
// character or a face slipped past the font choice, and the page would print differently elsewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import { ImprintError } from '../errors.js';

// pdf-lib (for a PDF with object streams) and fontkit (for a theme's own fonts) are needed only off the
// common path, so they are imported where used: a cold build does not load them before its first page.
const pdfLib = () => import('pdf-lib');

/** The fonts of `doc` that are neither bundled nor the theme's; Type 3 is counted only where `allowType3` is false. */
export async function fontsNotBundled(
  doc: PDFDocument,
  themeFontFiles: readonly string[],
  allowType3: boolean,
): Promise<string[]> {
  return notBundled(await parsedFontNames(doc), await postscriptNames(themeFontFiles), allowType3);
}

/** Of a PDF's fonts (as parsedFontNames or chromiumFontNames list them), those neither bundled nor the theme's, once each. */
function notBundled(names: readonly string[], allowed: ReadonlySet<string>, allowType3: boolean): string[] {
  const foreign = new Set<string>();
  for (const name of names) {
    if (name === type3) {
      if (!allowType3) foreign.add(type3);
      continue;
    }
    const plain = name.replace(/^[A-Z]{6}\+/, '');
    if (!plain.startsWith('Noto') && !allowed.has(plain)) foreign.add(plain);
  }
  return [...foreign];
}

/** Every font dictionary's /BaseFont (or `type3`), found by parsing the whole file. */
async function parsedFontNames(doc: PDFDocument): Promise<string[]> {
  const { PDFDict, PDFName } = await pdfLib();
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    if (object.get(PDFName.of('Subtype')) === PDFName.of('Type3')) {
      names.push(type3);
      continue;
    }
    const base = object.get(PDFName.of('BaseFont'));
    if (base instanceof PDFName) names.push(base.decodeText());
  }
  return names;
}

const type3 = 'a Type 3 font';

const namesByFile = new Map<string, string[]>();

/** The PostScript names of the faces in a theme's font files (a collection's too). */
async function postscriptNames(paths: readonly string[]): Promise<Set<string>> {
  const fontkit = paths.length > 0 ? await import('fontkit') : undefined;
  return new Set(
    paths.flatMap((path) => {
      let names = namesByFile.get(path);
      if (!names) {
        try {
          const font = fontkit!.create(readFileSync(path));
          names = 'fonts' in font ? font.fonts.map((face) => face.postscriptName) : [font.postscriptName];
        } catch {
          names = [];
        }
        namesByFile.set(path, names);
      }
      return names;
    }),
  );
}

/** Refuses a print PDF that drew anything with a font imprint did not bundle (see fontsNotBundled). */
export async function assertBundledFonts(
  pdf: Uint8Array,
  drawsEmoji: boolean,
  themeRoot: string | undefined,
  name: string,
): Promise<void> {
  const themeFonts =
    themeRoot && existsSync(join(themeRoot, 'fonts'))
      ? readdirSync(join(themeRoot, 'fonts'), { withFileTypes: true }).flatMap((entry) =>
          entry.isFile() ? [join(themeRoot, 'fonts', entry.name)] : [],
        )
      : [];
  const names =
    chromiumFontNames(pdf) ??
    (await parsedFontNames(await (await pdfLib()).PDFDocument.load(pdf, { updateMetadata: false })));
  const foreign = notBundled(names, await postscriptNames(themeFonts), drawsEmoji);
  if (foreign.length > 0) {
    throw new ImprintError(
      `${name}: Chromium drew some of the page with ${foreign.join(', ')}, which imprint does not bundle, so the PDF would differ on another machine`,
      undefined,
      "A theme's print.css may name only fonts in its fonts/ folder; if it names none, this is imprint's fault: report it with the article.",
    );
  }
}

/**
 * The fonts of a PDF as Chromium (Skia) writes it, read from its bytes: every object is written out in the
 * open, so each font dictionary's /Subtype and /BaseFont are there to read, and parsing the whole file
 * with pdf-lib (10 ms a page of news, before the print edition parses it again) is not needed. Undefined
 * when the file keeps objects in compressed object streams, where only a real parser can find them.
 */
export function chromiumFontNames(pdf: Uint8Array): string[] | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (text.includes('/ObjStm')) return undefined;
  const names: string[] = [];
  for (const found of text.matchAll(/\/Type\s*\/Font(?![A-Za-z0-9])/g)) {
    // The object the dictionary belongs to, nested dictionaries (a Type 3 font's procedures) and all.
    const object = text.slice(text.lastIndexOf(' obj', found.index), text.indexOf('endobj', found.index));
    if (/\/Subtype\s*\/Type3(?![A-Za-z0-9])/.test(object)) {
      names.push(type3);
      continue;
    }
    const base = /\/BaseFont\s*\/([^\s/<>[\]()%{}]+)/.exec(object)?.[1];
    if (base) names.push(base.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }
  return names;
}
