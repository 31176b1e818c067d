// The fonts an EPUB carries: only for the scripts many reading systems have no font for (Armenian,
// Georgian, Bengali, Tamil, Kannada, Malayalam, Khmer, Myanmar, Thaana, Urdu's Nastaliq; see
// writing-systems.ts), and only the characters the book uses, subset with HarfBuzz (subset-font, which keeps
// what shaping needs) into TrueType, which Kobo reads and WOFF2 it does not. Latin, Cyrillic, Greek, Han,
// Arabic, Hebrew, Devanagari and Thai are left to the reader's own fonts, as every common reading system has them.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { characterSet, facesOf } from './font-faces.js';
import { fontsFor } from './font-stack.js';

const require = createRequire(import.meta.url);

export interface EpubFont {
  /** Its name in the EPUB's fonts/ folder. */
  filename: string;
  bytes: Uint8Array;
  family: string;
  weight: number;
  codePoints: number[];
}

export interface EpubFonts {
  fonts: EpubFont[];
  /** The licence of each font package embedded: its name in the EPUB and the file it comes from. */
  licences: { name: string; path: string }[];
  /** @font-face rules, and the body's family list that puts the embedded families before the reader's serif. */
  css: string;
}

/** Body text and bold (headline, byline), the weights an e-reader's stylesheet asks for. */
const weights = [400, 700];

export async function epubFonts(text: string, lang: string): Promise<EpubFonts> {
  const systems = fontsFor(text, lang).systems.filter((system) => system.embedInEpub);
  const fonts: EpubFont[] = [];
  const licences = new Map<string, string>();
  for (const system of systems) {
    const scriptChars = [...new Set(withShapingParts(text))]
      .filter((char) => system.test.test(char))
      .map((char) => char.codePointAt(0)!);
    for (const weight of weights.filter((wanted) => system.text.weights.includes(wanted))) {
      const faces = facesOf(`${system.text.module}/${weight}.css`).filter((face) => face.style === 'normal');
      for (const [index, face] of faces.entries()) {
        const has = characterSet(face);
        const codePoints = scriptChars.filter((codePoint) => has.has(codePoint)).sort((a, b) => a - b);
        if (codePoints.length === 0) continue;
        const bytes = await subsetFont(await readFile(face.path), String.fromCodePoint(...codePoints), {
          targetFormat: 'sfnt',
        });
        const filename = `${system.text.module.split('/')[1]}-${weight}-${index}.ttf`;
        fonts.push({ filename, bytes: new Uint8Array(bytes), family: system.text.family, weight, codePoints });
        licences.set(
          `fonts/${system.text.module.split('/')[1]}-LICENSE.txt`,
          join(dirname(require.resolve(`${system.text.module}/package.json`)), 'LICENSE'),
        );
      }
    }
  }
  return { fonts, licences: [...licences].map(([name, path]) => ({ name, path })), css: fontCss(fonts) };
}

/** Khmer's vowels drawn in two parts: HarfBuzz's Khmer shaper splits each into U+17C1 and itself. */
const khmerSplitVowel = /[\u17BE-\u17C0\u17C4\u17C5]/u;

/**
 * `text` with the characters shaping it asks a face for besides its own: HarfBuzz draws a vowel written in
 * parts around its consonant (Bengali ো, Tamil ொ, Kannada ೋ, Malayalam ൊ) by its canonical decomposition, and
 * Khmer's split vowels by its own, each part looked up in the face's cmap; a subset without the parts draws
 * the vowel whole, as one glyph at the wrong place (the e-reader shapes with the subset we embed).
 */
export function withShapingParts(text: string): string {
  return text + text.normalize('NFD') + (khmerSplitVowel.test(text) ? '\u17C1' : '');
}

function fontCss(fonts: readonly EpubFont[]): string {
  if (fonts.length === 0) return '';
  const faces = fonts.map(
    (font) =>
      `@font-face { font-family: "${font.family}"; font-weight: ${font.weight}; src: url("fonts/${font.filename}") format("truetype"); unicode-range: ${unicodeRange(font.codePoints)}; }`,
  );
  const families = [...new Set(fonts.map((font) => `"${font.family}"`))].join(', ');
  return `${faces.join('\n')}\nbody { font-family: ${families}, serif; }\n`;
}

function unicodeRange(codePoints: readonly number[]): string {
  return codePoints.map((codePoint) => `U+${codePoint.toString(16).toUpperCase()}`).join(', ');
}
