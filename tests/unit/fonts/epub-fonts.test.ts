// The fonts an EPUB embeds shape as the whole face does: a subset to the book's characters alone lost the parts
// a split vowel is drawn with (Kannada ಲೋ, Khmer កោ, Bengali কো, Tamil கொ, Malayalam കൊ), so e-readers, which
// shape with the embedded subset, drew each such vowel as one glyph at the wrong place.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import woff2 from 'wawoff2';
import { epubFonts } from '../../../src/fonts/epub-fonts.js';
import { facesOf } from '../../../src/fonts/font-faces.js';

async function advance(sfnt: Uint8Array, word: string): Promise<{ width: number; glyphs: number }> {
  const hb = await import('harfbuzzjs');
  const font = new hb.Font(new hb.Face(new hb.Blob(sfnt)));
  const buffer = new hb.Buffer();
  buffer.addText(word);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const width = buffer.getGlyphPositions().reduce((sum, position) => sum + position.xAdvance, 0);
  return { width, glyphs: buffer.getGlyphInfos().length };
}

describe('epubFonts', () => {
  it.each([
    ['kn', 'ಲೋಕಾರ್ಪಣೆ', '@fontsource/noto-sans-kannada'],
    ['km', 'កោះថ្មី', '@fontsource/noto-sans-khmer'],
    ['bn', 'কোম্পানি', '@fontsource/noto-sans-bengali'],
    ['ta', 'கொழும்பு', '@fontsource/noto-sans-tamil'],
    ['ml', 'കൊച്ചി', '@fontsource/noto-sans-malayalam'],
  ])('embeds a %s subset that shapes "%s" as the whole face does', async (lang, word, module) => {
    const { fonts } = await epubFonts(`${word} ${word}`, lang);
    const embedded = fonts.find((font) => font.weight === 400 && font.codePoints.includes(word.codePointAt(0)!));
    expect(embedded, `no 400 font for ${word}`).toBeDefined();
    // Its name ends with the index of the face it was cut from among the stylesheet's upright faces.
    const faces = facesOf(`${module}/400.css`).filter((each) => each.style === 'normal');
    const source = faces[Number(/-(\d+)\.ttf$/.exec(embedded!.filename)![1])]!;
    const expected = await advance(await woff2.decompress(await readFile(source.path)), word);
    expect(await advance(embedded!.bytes, word)).toEqual(expected);
  });
});
