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
