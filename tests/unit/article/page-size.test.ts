// Page sizes: named and trim sizes in any unit, the sensible range, the margins that suit them; input limits.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defaultLimits, defaultLimitsMb } from '../../../src/article/limits.js';
import { pageDimensions, pageMargins, pageSizeMessage, pageSizeSchema } from '../../../src/article/page-size.js';

const accepts = (value: string) => v.safeParse(pageSizeSchema, value).success;

describe('pageSizeSchema and pageDimensions', () => {
  it('knows A4 and US Letter in millimetres', () => {
    expect(pageDimensions('a4')).toEqual({ width: 210, height: 297 });
    expect(pageDimensions('letter')).toEqual({ width: 215.9, height: 279.4 });
    expect(v.parse(pageSizeSchema, ' A4 ')).toBe('a4');
  });

  it('reads trim sizes in mm, cm, in and pt, with x or ×', () => {
    const close = (page: string, width: number, height: number) => {
      const size = pageDimensions(v.parse(pageSizeSchema, page));
      expect(size.width, page).toBeCloseTo(width, 6);
      expect(size.height, page).toBeCloseTo(height, 6);
    };
    close('6in x 9in', 152.4, 228.6);
    close('148mm × 210mm', 148, 210);
    close('14.8cm x 21cm', 148, 210);
    close('432pt x 648pt', 152.4, 228.6);
    close('5.5IN X 8.5IN', 139.7, 215.9);
  });

  it('refuses what is not a size, and sizes no press prints', () => {
    for (const page of ['a5', 'A4 landscape', '6 x 9', '6in', '6in x 9', '-6in x 9in', ''])
      expect(accepts(page), page).toBe(false);
    expect(accepts('75mm x 100mm')).toBe(true);
    expect(accepts('74mm x 100mm')).toBe(false); // narrower than a pocket book
    expect(accepts('1000mm x 1400mm')).toBe(true);
    expect(accepts('1001mm x 1400mm')).toBe(false);
    const result = v.safeParse(pageSizeSchema, 'a5');
    expect(result.success ? '' : result.issues[0].message).toBe(pageSizeMessage);
    expect(() => pageDimensions('a5')).toThrow(/unvalidated page size a5/);
  });
});

describe('pageMargins', () => {
  it('gives about a ninth of the width at the sides and more at the top, within fixed limits', () => {
    const a4 = pageMargins('a4');
    expect(a4.side).toBeCloseTo(23.1, 6);
    expect(a4.top).toBeCloseTo(23.76, 6);
    expect(a4.bottom).toBeCloseTo(21.978, 6);
    expect(a4.top).toBeGreaterThan(a4.bottom);
    const book = pageMargins('6in x 9in');
    expect(book.side).toBeCloseTo(152.4 * 0.11, 6);
    expect(pageMargins('75mm x 100mm')).toEqual({ top: 15, side: 13, bottom: 14 });
    expect(pageMargins('1000mm x 1400mm')).toEqual({ top: 24, side: 24, bottom: 22 });
  });
});

describe('input limits', () => {
  it('refuse articles over 2 MB and images over 25 MB by default, in bytes', () => {
    expect(defaultLimitsMb).toEqual({ article: 2, image: 25 });
    expect(defaultLimits).toEqual({ maxArticleBytes: 2_000_000, maxImageBytes: 25_000_000 });
  });
});
