// Whether anything on a loaded print page reaches past the trim, asked before the press edition is made: a
// page that does not is imposed from the print edition's own pages, one that does is printed again at bleed
// size (print.ts `printPressPage`). Measured in Chromium 156 (tests/e2e/press-pages.test.ts keeps it so): a
// printed page clips the document at the page area, the box inside the @page margins, whatever an element
// does (negative margins, absolute, fixed or relative positions, transforms, shadows, outlines, overflow), and
// paints the root's background (or body's) over the page area only, so nothing in the document can reach the
// trim. What Chromium paints out to the page's edge is the @page box's background and its margin boxes, which
// only a theme's @page rules can style (theme/page-box.ts), and the dark canvas of `color-scheme: dark`.
import type { Page } from 'puppeteer-core';
import type { Theme } from '../../theme/theme.js';

/** Why the page must be printed at bleed size, or undefined when nothing on it reaches the page's edge. */
export async function whatReachesPastTrim(
  page: Page,
  theme: Pick<Theme, 'stylesPageBox'> | undefined,
): Promise<string | undefined> {
  if (theme?.stylesPageBox) return "the theme's @page rules style the page box";
  await page.emulateMediaType('print');
  try {
    return (await page.evaluate(darkCanvas)) ?? undefined;
  } finally {
    await page.emulateMediaType();
  }
}

/** Runs in the page, for print media: whether the root asks for a dark canvas, which Chromium paints to the edge. */
function darkCanvas(): string | null {
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  return /\bdark\b/.test(scheme) ? `the page asks for a dark colour scheme ("color-scheme: ${scheme}")` : null;
}
