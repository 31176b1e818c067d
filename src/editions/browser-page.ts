// Opens an HTML page in the build's Chromium from a file:// URL (so local images and fonts load),
// waits for fonts and images, hands the page to `use`, and closes it.
// The page is a sandbox: no script runs, nothing comes from the network, and only files inside the
// `readable` folders load; any other request is refused and reported.
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isOutside } from '../article/image-file.js';
import { templatesDir } from '../paths.js';
import { fontPackageDirs } from './fonts.js';
import type { Browser, Page } from 'puppeteer-core';
import { ImprintError } from '../errors.js';

export interface PageInput {
  browser: Browser;
  html: string;
  /** A private scratch folder for this build; the page is written there, never next to the source. */
  workDir: string;
  name: string;
  timeoutMs: number;
  /** Folders the page may read from (the work folder is always readable). */
  readable: readonly string[];
  /** Set before the page loads, so it is laid out once at its final size. */
  viewport?: { width: number; height: number; deviceScaleFactor: number };
}

export async function withPage<T>({ browser, html, workDir, name, timeoutMs, viewport, readable }: PageInput, use: (page: Page) => Promise<T>): Promise<T> {
  const htmlPath = join(workDir, `${name}.html`);
  await writeFile(htmlPath, html);
  const roots = [workDir, ...readable].map((root) => realpathSync(root));
  const refused: string[] = [];
  const page = await browser.newPage();
  try {
    if (viewport) await page.setViewport(viewport);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || isReadableFile(url, roots)) {
        void request.continue().catch(() => undefined);
      } else {
        refused.push(url);
        void request.abort('blockedbyclient').catch(() => undefined);
      }
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: timeoutMs });
    if (refused.length > 0) {
      throw new ImprintError(
        `the page asked for ${refused.join(', ')}, which imprint does not load`,
        undefined,
        "Rendering is offline and reads only the article's folder, the templates and the bundled fonts: put what the article needs in its folder.",
      );
    }
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

/** What a page rendered for an article may read: its folder, the templates and the bundled fonts. */
export function readableFor(articleDir: string): string[] {
  return [articleDir, templatesDir, ...fontPackageDirs()];
}

function isReadableFile(url: string, roots: readonly string[]): boolean {
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = realpathSync(fileURLToPath(url));
  } catch {
    return false; // does not exist, or not a file URL this machine can read
  }
  return roots.some((root) => !isOutside(root, path));
}
