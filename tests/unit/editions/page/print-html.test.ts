// The print page's @page rules: sheet size, margins and bleed, running head and footer, escaped for <style>.
import { describe, expect, it } from 'vitest';
import { cssString, pageCss, pageNumberContent, runningHead } from '../../../../src/editions/page/print-html.js';
import { labelsFor } from '../../../../src/labels/labels.js';

const view = {
  publication: 'The Harbour Times',
  title: 'Ferries return',
  labels: labelsFor('en'),
  counterStyle: 'decimal',
};

/** The numbers of the first @page rule: sheet width, height, and the top, side and bottom margins (mm). */
function pageBox(css: string) {
  const rule = /@page \{ size: ([\d.]+)mm ([\d.]+)mm; margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;/.exec(css);
  if (!rule) throw new Error(`no @page size and margin in ${css}`);
  const [width, height, top, side, bottom] = rule.slice(1).map(Number) as [number, number, number, number, number];
  return { width, height, top, side, bottom };
}

describe('pageCss', () => {
  it('sets an A4 sheet with margins that suit it, and no running head on the first page', () => {
    const css = pageCss(view, 'a4', 0);
    const box = pageBox(css);
    expect(box.width).toBe(210);
    expect(box.height).toBe(297);
    expect(box.top).toBeCloseTo(23.76, 6);
    expect(box.side).toBeCloseTo(23.1, 6);
    expect(box.bottom).toBeCloseTo(21.978, 6);
    // The :first rule comes after the head's: Chromium lets the later @page rule win for margin boxes.
    expect(css.indexOf('@page :first { @top-center { content: none; } }')).toBeGreaterThan(
      css.indexOf('@top-center { content: "The'),
    );
  });

  it('grows the sheet and every margin by the bleed, so the type area stays where the trim puts it', () => {
    const trim = pageBox(pageCss(view, 'a4', 0));
    const press = pageBox(pageCss(view, 'a4', 3));
    expect(press.width).toBeCloseTo(trim.width + 6, 6);
    expect(press.height).toBeCloseTo(trim.height + 6, 6);
    for (const side of ['top', 'side', 'bottom'] as const) expect(press[side]).toBeCloseTo(trim[side] + 3, 6);
    // The type area (sheet less margins) is the same size with and without the bleed.
    expect(press.width - 2 * press.side).toBeCloseTo(trim.width - 2 * trim.side, 6);
    expect(press.height - press.top - press.bottom).toBeCloseTo(trim.height - trim.top - trim.bottom, 6);
  });

  it('reads a trim size in inches, and caps photos at 42% of the type area (not of the bled sheet)', () => {
    const box = pageBox(pageCss(view, '6in x 9in', 0));
    expect(box.width).toBeCloseTo(152.4, 6);
    expect(box.height).toBeCloseTo(228.6, 6);
    const typeHeight = box.height - box.top - box.bottom;
    const cap = `figure img { max-height: ${Math.round(typeHeight * 0.42)}mm; }`;
    expect(pageCss(view, '6in x 9in', 0)).toContain(cap);
    expect(pageCss(view, '6in x 9in', 3)).toContain(cap);
    expect(pageCss(view, 'a4', 0)).toContain('figure img { max-height: 106mm; }');
  });

  it('keeps margins within their limits on the smallest and largest trims allowed', () => {
    expect(pageBox(pageCss(view, '75mm x 100mm', 0))).toMatchObject({ top: 15, side: 13, bottom: 14 });
    expect(pageBox(pageCss(view, '1000mm x 1400mm', 0))).toMatchObject({ top: 24, side: 24, bottom: 22 });
  });

  it('numbers pages in the language’s digits and its own words', () => {
    const css = pageCss({ ...view, labels: labelsFor('fa'), counterStyle: 'persian' }, 'a4', 0);
    expect(css).toContain('counter(page, persian)');
    expect(css).toContain('counter(pages, persian)');
    expect(css).not.toContain('Page');
  });
});

describe('pageNumberContent', () => {
  it('turns the label’s placeholders into counters and the rest into CSS strings', () => {
    expect(pageNumberContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageNumberContent('{page}/{pages}', 'arabic-indic')).toBe(
      'counter(page, arabic-indic) "\\2f " counter(pages, arabic-indic)',
    );
    expect(pageNumberContent('{page}')).toBe('counter(page)');
  });
});

describe('cssString and runningHead', () => {
  it('escapes everything that could end the string or the <style> element', () => {
    const escaped = cssString('Tom\'s "view" </style><script>');
    expect(escaped).toBe('"Tom\\27 s \\22 view\\22  \\3c \\2f style\\3e \\3c script\\3e "');
    expect(escaped.slice(1, -1)).not.toMatch(/["'<>/]/);
    expect(cssString('Kyiv · Київ')).toBe('"Kyiv \\b7  \\41a \\438 \\457 \\432 "');
  });

  it('is “publication · title”, a long title cut to 90 characters with an ellipsis', () => {
    expect(runningHead(view)).toBe('The Harbour Times · Ferries return');
    const head = runningHead({ publication: 'P', title: `${'word '.repeat(30)}end` });
    expect(head.startsWith('P · word word')).toBe(true);
    expect(head.endsWith('…')).toBe(true);
    expect(head.length - 'P · '.length).toBeLessThanOrEqual(90);
    const exact = 'x'.repeat(90);
    expect(runningHead({ publication: 'P', title: exact })).toBe(`P · ${exact}`);
  });
});

describe('runningHead at its length limit', () => {
  it('never cuts an emoji in half', () => {
    const head = runningHead({ publication: 'P', title: `${'a'.repeat(88)}🎉${'b'.repeat(10)}` });
    expect(head.isWellFormed()).toBe(true);
    expect(head.endsWith('🎉…')).toBe(true);
  });
});
