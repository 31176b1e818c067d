// The cover imprint draws without a browser: the same bytes every time, a title that never runs past its
// margins or over the photo however long it is, the head centred when there is no photo, the theme's colours.

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type CoverContent, drawCover, fitTitle, lineWidth } from '../../../../src/editions/page/cover.js';
import { shapedFaces } from '../../../../src/fonts/shaped-text.js';

const photo = 'tests/fixtures/world/images/harbour.jpg';
const base: CoverContent = {
  lang: 'en',
  dir: 'ltr',
  publication: 'The Fixture Gazette',
  logoPath: undefined,
  title: 'Convoy Leaves the Corridor as Talks Resume',
  subtitle: 'A second round opens in Geneva',
  displayDate: 'April 18, 2024',
  photoPath: undefined,
  photoCredit: undefined,
};

async function pixels(jpeg: Uint8Array) {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  /** Rows and columns of dark ink (text on the light background) between rows `top` and `bottom`. */
  const ink = (top: number, bottom: number) => {
    const rows: number[] = [];
    const columns: number[] = [];
    for (let y = top; y < bottom; y++)
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * 3;
        if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 96) {
          rows.push(y);
          columns.push(x);
        }
      }
    return { rows, columns };
  };
  return { info, at, ink };
}

describe('the cover', () => {
  it('is the same JPEG every time it is drawn', async () => {
    const content = { ...base, photoPath: photo, photoCredit: 'Photo: AFP' };
    const [a, b] = [await drawCover(content, undefined), await drawCover(content, undefined)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await pixels(a)).info).toMatchObject({ width: 1000, height: 1600 });
  });

  it('keeps a title far too long for it inside its margins and above the photo, cut with an ellipsis', async () => {
    const title = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of a headline that will not end`).join(', ');
    const cover = await pixels(await drawCover({ ...base, title, photoPath: photo }, undefined));
    const { rows, columns } = cover.ink(0, 900);
    expect(Math.min(...columns)).toBeGreaterThanOrEqual(78);
    expect(Math.max(...columns)).toBeLessThanOrEqual(922);
    // The photo keeps the lower part of the cover: its sky is blue-grey, not the cover's cream.
    const [r, , b] = cover.at(500, 1000) as [number, number, number];
    expect(b).toBeGreaterThan(r);
    expect(Math.max(...rows)).toBeLessThan(900);
    // The lines it keeps: the last ends in an ellipsis the face draws, and none is wider than the measure.
    const faces = await shapedFaces(`${title}…`, 'en', 'ltr', { role: 'text', weight: 700, italic: false });
    const { lines, size } = fitTitle(title, 'en', faces, 500);
    expect(size).toBe(48);
    expect(lines.at(-1)).toMatch(/\S…$/);
    for (const line of lines) expect(faces.width(line, size)).toBeLessThanOrEqual(lineWidth);
    expect(faces.glyphs(lines.at(-1)!, size).every((glyph) => glyph.id !== 0)).toBe(true);
  });

  it('centres the head on a cover with no photo', async () => {
    const { rows } = (await pixels(await drawCover(base, undefined))).ink(0, 1600);
    const middle = (Math.min(...rows) + Math.max(...rows)) / 2;
    expect(Math.abs(middle - 800)).toBeLessThan(80);
  });

  it("takes the theme's background and title colours from its cover.css", async () => {
    const cover = await pixels(await drawCover(base, 'tests/fixtures/house/theme/cover.css'));
    const [r, g, b] = cover.at(10, 10) as [number, number, number];
    // #0b5394, within JPEG's error.
    expect(Math.abs(r - 0x0b) + Math.abs(g - 0x53) + Math.abs(b - 0x94)).toBeLessThan(24);
  });
});
