// Opens an HTML page in the build's Chromium from a file:// URL (so local images and fonts load),
// waits for fonts and images, hands the page to `use`, and closes it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { ImprintError } from '../errors.js';

export interface PageInput {
  browser: Browser;
  html: string;
  /** A private scratch folder for this build; the page is written there, never next to the source. */
  workDir: string;
  name: string;
  timeoutMs: number;
  /** Set before the page loads, so it is laid out once at its final size. */
  viewport?: { width: number; height: number; deviceScaleFactor: number };
}

export async function withPage<T>({ browser, html, workDir, name, timeoutMs, viewport }: PageInput, use: (page: Page) => Promise<T>): Promise<T> {
  const htmlPath = join(workDir, `${name}.html`);
  await writeFile(htmlPath, html);
  const page = await browser.newPage();
  try {
    if (viewport) await page.setViewport(viewport);
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
    return await use(page);
  } finally {
    // Not awaited: the tab closes while the build goes on (the browser's own close waits for it anyway).
    void page.close().catch(() => undefined);
  }
}
