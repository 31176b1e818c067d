// The EPUB cover image (title, publication, date, the article's first photo), drawn in the print page's own
// document by templates/cover/ and captured from it as a JPEG: the page's fonts and photo are loaded and
// decoded once for both the PDF and the cover.
import type { Page } from 'puppeteer-core';
import type { Viewport } from '../../render/tab-pool.js';

/** 800 × 1280 CSS pixels at 1.25×: a 1000 × 1600 JPEG, the 5:8 portrait e-reader stores ask for. */
export const coverSize = { width: 800, height: 1280, scale: 1.25 };
export const coverViewport: Viewport = {
  width: coverSize.width,
  height: coverSize.height,
  deviceScaleFactor: coverSize.scale,
};

export function captureCover(page: Page): Promise<Uint8Array> {
  return page.screenshot({
    type: 'jpeg',
    quality: 85,
    optimizeForSpeed: true,
    captureBeyondViewport: false,
    clip: { x: 0, y: 0, width: coverSize.width, height: coverSize.height },
  });
}
