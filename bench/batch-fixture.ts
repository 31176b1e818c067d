// The batch the bench builds: N copies of the first article, each with a 1400 × 933 photo-like JPEG in its
// figure (fractal noise drawn by Chromium, so it compresses like a photograph), all in one folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { packageRoot } from '../src/paths.js';

export const firstArticle = join(packageRoot, 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md');
const photo = { width: 1400, height: 933 };

const noise = `<html><body style="margin:0"><svg width="${photo.width}" height="${photo.height}" xmlns="http://www.w3.org/2000/svg">
<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.012" numOctaves="5" seed="7"/>
<feColorMatrix values="0.9 0.2 0 0 0.05  0.3 0.6 0.1 0 0.05  0.1 0.3 0.5 0 0.1  0 0 0 0 1"/></filter>
<rect width="100%" height="100%" filter="url(#n)"/></svg></body></html>`;

export async function photoJpeg(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ ...photo, deviceScaleFactor: 1 });
    await page.setContent(noise);
    return await page.screenshot({ type: 'jpeg', quality: 85 });
  } finally {
    await page.close();
  }
}

/** The first article with the photo in its figure, `count` times under different file names. */
export function writeBatch(dir: string, count: number, jpeg: Uint8Array): void {
  mkdirSync(join(dir, 'images'), { recursive: true });
  writeFileSync(join(dir, 'images/outpost.jpg'), jpeg);
  const source = readFileSync(firstArticle, 'utf8').replace(
    '::: figure\n',
    '::: figure\n![Armoured vehicles at a checkpoint on a mountain road](images/outpost.jpg)\n',
  );
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.md`), source);
}
