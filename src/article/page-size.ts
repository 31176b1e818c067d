// Page sizes: the named ones (a4, letter) or a trim size such as "6in x 9in" or "148mm × 210mm".
import * as v from 'valibot';

export const namedPageSizes = { a4: { width: 210, height: 297 }, letter: { width: 215.9, height: 279.4 } } as const;

const millimetresPer: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72 };
const trimSize = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$/i;

export const pageSizeMessage = 'page must be a4, letter, or a trim size such as "6in x 9in" or "148mm x 210mm"';

/** The schema both the front matter's `page` and `--page` use. */
export const pageSizeSchema = v.pipe(
  v.string(pageSizeMessage),
  v.trim(),
  v.toLowerCase(),
  v.check((value) => value in namedPageSizes || isSensibleTrim(value), pageSizeMessage),
);

export type PageSize = string;

/** Width and height in millimetres. */
export function pageDimensions(page: PageSize): { width: number; height: number } {
  const named = namedPageSizes[page as keyof typeof namedPageSizes];
  if (named) return named;
  const match = trimSize.exec(page);
  if (!match) throw new Error(`imprint: unvalidated page size ${page}`);
  return {
    width: Number(match[1]) * millimetresPer[match[2]!.toLowerCase()]!,
    height: Number(match[3]) * millimetresPer[match[4]!.toLowerCase()]!,
  };
}

function isSensibleTrim(value: string): boolean {
  if (!trimSize.test(value)) return false;
  const { width, height } = pageDimensions(value);
  return width >= 75 && height >= 100 && width <= 1000 && height <= 1400;
}

/**
 * Margins that suit the trim: about a ninth of the width at the sides (a comfortable measure on a small
 * book page, wide enough for a thumb on A4), more at the top for the running head.
 */
export function pageMargins(page: PageSize): { top: number; side: number; bottom: number } {
  const { width, height } = pageDimensions(page);
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return {
    top: clamp(height * 0.08, 15, 24),
    side: clamp(width * 0.11, 13, 24),
    bottom: clamp(height * 0.074, 14, 22),
  };
}

/** The most of the type area's height a photo may take (print-html.ts sets it as the photo's max-height). */
export const photoHeightShare = 0.42;

/** The box a figure's photo prints in on this page, in mm: the column's width, and its share of the type area's height. */
export function photoBox(page: PageSize): { widthMm: number; heightMm: number } {
  const trim = pageDimensions(page);
  const margins = pageMargins(page);
  return {
    widthMm: trim.width - 2 * margins.side,
    heightMm: (trim.height - margins.top - margins.bottom) * photoHeightShare,
  };
}
