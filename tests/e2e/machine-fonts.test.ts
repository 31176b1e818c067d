// The guard behind "builds never depend on the machine's fonts", on real Chromium PDFs: a page drawn with a
// machine font (DejaVu) or a Type 3 font is refused, a page of bundled Noto faces passes, and the fonts read
// from Chromium's bytes are the ones a full PDF parser finds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBundledFonts, chromiumFontNames, fontsNotBundled } from '../../src/fonts/machine-fonts.js';
import { packageRoot } from '../../src/paths.js';
import { launchBrowser } from '../../src/render/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function printed(body: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!DOCTYPE html><html><body>${body}</body></html>`);
    return await page.pdf({ format: 'A6' });
  } finally {
    await page.close();
  }
}

describe("the print PDF's font guard", () => {
  it('refuses a machine font and a Type 3 font, as a full parse of the PDF would', async () => {
    const dejavu = await printed('<p style="font-family: DejaVu Sans">Machine font</p>');
    // A bundled face made bold by Chromium (font-synthesis) is written as Type 3 (GUIDE.md § 5).
    const regular = readFileSync(
      join(packageRoot, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'),
    ).toString('base64');
    const type3 = await printed(
      `<style>@font-face { font-family: Only Regular; src: url(data:font/woff2;base64,${regular}); }</style><p style="font: bold 12pt 'Only Regular'">Synthetic bold</p>`,
    );
    for (const pdf of [dejavu, type3]) {
      const parsed = await fontsNotBundled(await PDFDocument.load(pdf), [], false);
      expect(parsed.length).toBeGreaterThan(0);
      expect(new Set(parsed).size).toBe(1);
      const scanned = chromiumFontNames(pdf);
      expect(scanned).toBeDefined();
      for (const name of parsed) expect(scanned!.some((font) => font === name || font.endsWith(`+${name}`))).toBe(true);
      await expect(assertBundledFonts(pdf, false, undefined, 'page')).rejects.toThrow(/which imprint does not bundle/);
    }
    await expect(assertBundledFonts(dejavu, true, undefined, 'page')).rejects.toThrow(/DejaVuSans/);
    await expect(assertBundledFonts(type3, true, undefined, 'page')).resolves.toBeUndefined();
  }, 60_000);
});
