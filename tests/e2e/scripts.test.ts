// Names in any script print with the bundled fonts: no missing glyphs, nothing from system fonts, all embedded.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { epubcheck } from '../helpers/epub.js';
import { pdfFonts, pdfInfo, pdfPageTexts } from '../helpers/pdf.js';

const slug = 'names-in-four-scripts';
let outDir: string;
let pdf: Uint8Array;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-scripts-'));
  const [result] = await build(['tests/fixtures/scripts'], v.parse(buildOptionsSchema, { outDir }));
  expect(result).toMatchObject({ ok: true });
  pdf = await readFile(join(outDir, slug, `${slug}.pdf`));
});

describe('a multi-script article', () => {
  it('has every name in the text layer', async () => {
    const text = (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const name of [
      'Дмитрий Песков',
      'Κυριάκος Μητσοτάκης',
      'Նիկոլ Փաշինյան',
      'Ευχαριστώ',
      'Спасибо',
      'Շնորհակալություն',
      'Бо Чан',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('draws them with the bundled Noto fonts, all embedded', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(
      fonts.map((font) => font.name).filter((name) => !/^\/[A-Z]{6}\+Noto(Serif|Sans|SerifArmenian)-/.test(name)),
    ).toEqual([]);
    expect(fonts.map((font) => font.name).join(' ')).toContain('NotoSerifArmenian');
  });

  it('lists the byline as authors and the tags as keywords, with a bookmark for the headline', async () => {
    const info = await pdfInfo(pdf);
    expect(info.author).toBe('Ann Lee; Бо Чан');
    expect(info.keywords).toBe('diplomacy fixtures');
    expect(info.hasOutline).toBe(true);
  });

  it('gives an EPUB that EPUBCheck accepts without messages', async () => {
    expect(await epubcheck(join(outDir, slug, `${slug}.epub`))).toEqual([]);
  });
});
