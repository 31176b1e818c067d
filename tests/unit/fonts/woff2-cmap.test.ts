// The WOFF2 cmap reader gives the characters fontkit's full parse gives (less any mapped to .notdef), for
// faces of every kind imprint bundles: Latin, Cyrillic and Greek slices, Arabic and Nastaliq, a Han slice,
// Devanagari, symbols and colour emoji; and it refuses what is not WOFF2.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woff2CharacterSet } from '../../../src/fonts/woff2-cmap.js';

const fonts = join(import.meta.dirname, '../../../node_modules/@fontsource');
const faces = [
  'noto-serif/files/noto-serif-latin-400-normal.woff2',
  'noto-serif/files/noto-serif-latin-ext-700-italic.woff2',
  'noto-sans/files/noto-sans-cyrillic-600-normal.woff2',
  'noto-sans/files/noto-sans-greek-400-normal.woff2',
  'noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  'noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2',
  'noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2',
  'noto-sans-symbols-2/files/noto-sans-symbols-2-braille-400-normal.woff2',
  `noto-sans-sc/files/${readdirSync(join(fonts, 'noto-sans-sc/files')).find((name) => /-400-normal\.woff2$/.test(name))}`,
  `noto-color-emoji/files/${readdirSync(join(fonts, 'noto-color-emoji/files')).find((name) => name.endsWith('.woff2'))}`,
];

describe('woff2CharacterSet', () => {
  it.each(faces)('reads the characters fontkit reads from %s', (face) => {
    const bytes = readFileSync(join(fonts, face));
    const font = fontkit.create(bytes) as fontkit.Font;
    const expected = font.characterSet.filter((codePoint) => font.glyphForCodePoint(codePoint).id !== 0);
    const read = woff2CharacterSet(bytes);
    expect(read.size).toBeGreaterThan(10);
    expect([...read].sort((a, b) => a - b)).toEqual([...new Set(expected)].sort((a, b) => a - b));
  });

  it('refuses a file that is not WOFF2', () => {
    expect(() => woff2CharacterSet(new TextEncoder().encode('OTTO not a font at all, just text'))).toThrow(
      'not a WOFF2 font',
    );
  });
});
