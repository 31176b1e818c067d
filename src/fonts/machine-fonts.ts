// The guard behind "builds never depend on the machine's fonts": after Chromium prints, every font in the
// PDF must be a bundled Noto face or one of the theme's own. Anything else (DejaVu, Liberation…) means a
// character or a face slipped past the font choice, and the page would print differently elsewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { ImprintError } from '../errors.js';

/** The fonts of `doc` that are neither bundled nor the theme's; Type 3 is counted only where `allowType3` is false. */
export function fontsNotBundled(doc: PDFDocument, themeFontFiles: readonly string[], allowType3: boolean): string[] {
  const allowed = new Set(themeFontFiles.flatMap(postscriptNames));
  const foreign = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Type3')) {
      if (!allowType3) foreign.add('a Type 3 font');
      continue;
    }
    const base = object.get(PDFName.of('BaseFont'));
    if (!(base instanceof PDFName)) continue;
    const name = base.decodeText().replace(/^[A-Z]{6}\+/, '');
    if (!name.startsWith('Noto') && !allowed.has(name)) foreign.add(name);
  }
  return [...foreign];
}

const namesByFile = new Map<string, string[]>();

function postscriptNames(path: string): string[] {
  let names = namesByFile.get(path);
  if (!names) {
    try {
      const font = fontkit.create(readFileSync(path));
      names = 'fonts' in font ? font.fonts.map((face) => face.postscriptName) : [font.postscriptName];
    } catch {
      names = [];
    }
    namesByFile.set(path, names);
  }
  return names;
}

/** Refuses a print PDF that drew anything with a font imprint did not bundle (see fontsNotBundled). */
export async function assertBundledFonts(
  pdf: Uint8Array,
  drawsEmoji: boolean,
  themeRoot: string | undefined,
  name: string,
): Promise<void> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const themeFonts =
    themeRoot && existsSync(join(themeRoot, 'fonts'))
      ? readdirSync(join(themeRoot, 'fonts'), { withFileTypes: true }).flatMap((entry) =>
          entry.isFile() ? [join(themeRoot, 'fonts', entry.name)] : [],
        )
      : [];
  const foreign = fontsNotBundled(doc, themeFonts, drawsEmoji);
  if (foreign.length > 0) {
    throw new ImprintError(
      `${name}: Chromium drew some of the page with ${foreign.join(', ')}, which imprint does not bundle, so the PDF would differ on another machine`,
      undefined,
      "A theme's print.css may name only fonts in its fonts/ folder; if it names none, this is imprint's fault: report it with the article.",
    );
  }
}
