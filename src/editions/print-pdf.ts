// HTML page → PDF bytes, rendered by the build's Chromium from a file:// URL (so local images load).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { ImprintError } from '../errors.js';

export interface RenderPdfInput {
  browser: Browser;
  html: string;
  /** A private scratch folder for this build; the page is written there, never next to the source. */
  workDir: string;
  name: string;
  timeoutMs: number;
}

export async function renderPdf({ browser, html, workDir, name, timeoutMs }: RenderPdfInput): Promise<Uint8Array> {
  const htmlPath = join(workDir, `${name}.html`);
  await writeFile(htmlPath, html);
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: timeoutMs });
    const broken = await page.evaluate(async () => {
      await document.fonts.ready;
      return Array.from(document.images)
        .filter((image) => !image.complete || image.naturalWidth === 0)
        .map((image) => decodeURI(new URL(image.src).pathname));
    });
    if (broken.length > 0) {
      throw new ImprintError(`image could not be decoded: ${broken.join(', ')}`, undefined, 'Use a JPEG, PNG, WebP, GIF or SVG file whose content matches its name.');
    }
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: timeoutMs });
  } finally {
    // Not awaited: the tab closes while the build goes on (the browser's own close waits for it anyway).
    void page.close().catch(() => undefined);
  }
}
