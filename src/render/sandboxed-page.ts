// Opens an HTML page in a pooled tab of the build's Chromium from a file:// URL (so local images and fonts
// load), or takes it into the document the tab has loaded (see reused-document.ts), waits for fonts and
// images, hands the page to `use`, and gives the tab back.
// The page is a sandbox: no script runs, nothing comes from the network, and only files inside the
// `readable` folders load; any other request is refused and reported.
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { ImprintError } from '../errors.js';
import { fontPackageDirs } from '../fonts/bundled.js';
import { isOutside, templatesDir } from '../paths.js';
import type { Theme } from '../theme/theme.js';
import { linkedStylesheets, replaceDocument } from './reused-document.js';
import type { TabPool, Viewport } from './tab-pool.js';

export interface PageInput {
  tabs: TabPool;
  html: string;
  /** A private scratch folder for this build; the page is written there, never next to the source. */
  workDir: string;
  name: string;
  /** Folders the page may read from (the work folder is always readable). */
  readable: readonly string[];
  /** Set before the page loads, so it is laid out once at its final size. */
  viewport?: Viewport;
}

/** `use` may name what it is doing, for the message when the page runs out of time. */
export async function withPage<T>(
  { tabs, html, workDir, name, viewport, readable }: PageInput,
  use: (page: Page, step: (doing: string) => void) => Promise<T>,
): Promise<T> {
  const roots = [workDir, ...readable].map((root) => realpathSync(root));
  const allows = (url: string) => url.startsWith('data:') || isReadableFile(url, roots);
  const stylesheets = linkedStylesheets(html);
  return tabs.use(async (tab) => {
    const { page } = tab;
    tab.setGate(allows);
    tab.step = 'setting the viewport';
    await tab.setViewport(viewport);
    if (tab.loaded?.key === stylesheets.key && stylesheets.urls.every(allows)) {
      tab.step = 'taking the page into the loaded document';
      await replaceDocument(page, html);
    } else {
      tab.step = 'loading the page';
      const htmlPath = join(workDir, `${name}.html`);
      await writeFile(htmlPath, html);
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: tabs.timeoutMs });
      tab.loaded = stylesheets;
    }
    tab.step = 'waiting for fonts and images';
    // Images taken into a loaded document load after it. The tab runs no script, so no page timer or
    // event can say when: ask until they are done.
    while (await page.evaluate(() => Array.from(document.images).some((image) => !image.complete))) await delay(2);
    const broken = await page.evaluate(async () => {
      void document.body.offsetHeight; // layout asks for the fonts the text needs
      await document.fonts.ready;
      return Array.from(document.images)
        .filter((image) => image.naturalWidth === 0)
        .map((image) => decodeURI(new URL(image.src).pathname));
    });
    const refused = tab.refused();
    if (refused.length > 0) {
      throw new ImprintError(
        `the page asked for ${refused.join(', ')}, which imprint does not load`,
        undefined,
        "Rendering is offline and reads only the article's folder, the templates, the bundled fonts and the theme folder: put what the article needs in its folder.",
      );
    }
    if (broken.length > 0) {
      throw new ImprintError(
        `image could not be decoded: ${broken.join(', ')}`,
        undefined,
        'Use a JPEG, PNG, WebP, GIF or SVG file whose content matches its name.',
      );
    }
    return use(page, (step) => (tab.step = step));
  }, `rendering ${name}`);
}

/** What a page rendered for an article may read: its folder, the templates, the bundled fonts and the theme. */
export function readableFor(articleDir: string, theme?: Pick<Theme, 'root'>): string[] {
  return [articleDir, templatesDir, ...fontPackageDirs(), ...(theme ? [theme.root] : [])];
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
