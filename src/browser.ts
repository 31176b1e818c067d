// One headless Chromium per build (Debian's, never a downloaded one), handed to the stages that render.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ImprintError } from './errors.js';

export const defaultChromium = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.IMPRINT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? defaultChromium;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ImprintError(`Chromium not found at ${executablePath}`, undefined, 'Run "npm run setup" (installs Debian\'s chromium), or set IMPRINT_CHROMIUM to a Chromium binary.');
  }
  return puppeteer.launch({
    executablePath,
    headless: true,
    // The CLI handles Ctrl-C and SIGTERM itself (clean up, then exit 130/143); Puppeteer's handlers would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      // Root cannot use Chromium's sandbox; the pages we load are our own templates and local files.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Unhinted glyph outlines: the PDF gets the font's real metrics, not screen-hinted ones.
      '--font-render-hinting=none',
    ],
  });
}

/**
 * The build's browser: the one it was given or launched, replaced by a fresh launch if it dies mid-build.
 * Closes every browser it launched itself.
 */
export interface BrowserHandle {
  get(): Promise<Browser>;
  /** After a failure with `used`: if that browser is gone, launch another (once, however many noticed). */
  replaceIfGone(used: Promise<Browser>): Promise<void>;
  close(): Promise<void>;
}

export function browserHandle(given?: Promise<Browser>): BrowserHandle {
  let current = given ?? launchBrowser();
  const owned = given ? [] : [current];
  current.catch(() => undefined); // a launch failure is reported by the first page that needs the browser
  return {
    get: () => current,
    async replaceIfGone(used) {
      const browser = await used.catch(() => undefined);
      if (browser?.connected || used !== current) return;
      current = launchBrowser();
      current.catch(() => undefined);
      owned.push(current);
    },
    async close() {
      await Promise.all(owned.map(closeBrowser));
    },
  };
}

/** Closes a browser that may still be launching, or may have failed to launch. */
export async function closeBrowser(browser: Promise<Browser> | undefined): Promise<void> {
  await browser?.then((launched) => launched.close()).catch(() => undefined);
}
