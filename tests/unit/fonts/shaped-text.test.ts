// Text set without a browser (the EPUB cover): every title, subtitle and publication name of the world
// fixtures gets a real glyph for every character in every style the cover uses, never .notdef (the empty box);
// words whose vowels are drawn in parts (Kannada, Khmer, Malayalam, Bengali) are shaped as HarfBuzz shapes them
// with the whole face, as Chromium does.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import woff2 from 'wawoff2';
import YAML from 'yaml';
import { shapedFaces, type TextStyle } from '../../../src/fonts/shaped-text.js';
import { textDirection } from '../../../src/fonts/writing-systems.js';

const fixtures = 'tests/fixtures/world';
const styles: TextStyle[] = [
  { role: 'text', weight: 700, italic: false },
  { role: 'text', weight: 400, italic: true },
  { role: 'sans', weight: 600, italic: false },
];

describe('shaped text', () => {
  it('draws every character of every world fixture head with a glyph of a bundled face', async () => {
    const boxes: string[] = [];
    for (const name of (await readdir(fixtures)).filter((file) => file.endsWith('.md'))) {
      const front = YAML.parse((await readFile(join(fixtures, name), 'utf8')).split(/^---$/m)[1]!) as Record<
        string,
        string
      >;
      const lang = front.lang!;
      for (const text of [front.title, front.subtitle, front.publication].filter(Boolean) as string[]) {
        for (const style of styles) {
          const faces = await shapedFaces(text, lang, textDirection(lang), style);
          const glyphs = faces.glyphs(text, 40);
          if (glyphs.some((glyph) => glyph.id === 0)) boxes.push(`${name} ${style.role} ${style.weight}: ${text}`);
          expect(glyphs.filter((glyph) => glyph.path !== '').length).toBeGreaterThan(0);
        }
      }
    }
    expect(boxes).toEqual([]);
  }, 120_000);

  it('puts an RTL line in visual order: the Latin word of an Arabic title keeps its own order, at the left', async () => {
    const text = 'الميناء IMO';
    const faces = await shapedFaces(text, 'ar', 'rtl', styles[0]!);
    const glyphs = faces.glyphs(text, 40);
    // "IMO" is the end of the line in reading order, so at the left edge; its letters left to right.
    const latin = await shapedFaces('IMO', 'ar', 'ltr', styles[0]!);
    const imo = latin.glyphs('IMO', 40).map((glyph) => glyph.path);
    expect(glyphs.slice(0, 3).map((glyph) => glyph.path)).toEqual(imo);
    expect(faces.width(text, 40)).toBeGreaterThan(latin.width('IMO', 40));
  });

  // A cover once subset each face to the title's characters first: the glyphs a split vowel is drawn with
  // were left out, so "ಲೋಕಾರ್ಪಣೆ" lost a part and overprinted the next word, and Khmer's "កោះ" its first half.
  it.each([
    ['kn', 'ಲೋಕಾರ್ಪಣೆ', 'noto-sans-kannada/files/noto-sans-kannada-kannada-700-normal.woff2'],
    ['km', 'កោះថ្មី', 'noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2'],
    ['ml', 'നങ്കൂരമിട്ടു', 'noto-sans-malayalam/files/noto-sans-malayalam-malayalam-700-normal.woff2'],
    ['bn', 'কোম্পানি', 'noto-sans-bengali/files/noto-sans-bengali-bengali-700-normal.woff2'],
  ])('shapes %s "%s" as HarfBuzz does with the whole face', async (lang, word, file) => {
    const require = createRequire(import.meta.url);
    const hb = await import('harfbuzzjs');
    const path = join(require.resolve('@fontsource/noto-sans/package.json'), '../..', file);
    const face = new hb.Face(new hb.Blob(await woff2.decompress(await readFile(path))));
    const font = new hb.Font(face);
    const buffer = new hb.Buffer();
    buffer.addText(word);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    const whole = buffer.getGlyphPositions().reduce((sum, position) => sum + position.xAdvance, 0) * (40 / face.upem);

    const faces = await shapedFaces(word, lang, 'ltr', { role: 'sans', weight: 700, italic: false });
    expect(faces.glyphs(word, 40).map((glyph) => glyph.id)).toEqual(
      buffer.getGlyphInfos().map((info) => info.codepoint),
    );
    expect(faces.width(word, 40)).toBeCloseTo(whole, 3);
  });
});
