// The EPUB cover image: an HTML template (title, publication, date, the article's first photo) rendered by
// the build's Chromium to a 1600 × 2560 JPEG.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { templatesDir } from '../paths.js';
import { renderPage, type ArticleView } from './article-view.js';
import { readableFor, withPage } from './browser-page.js';
import { fontStylesheetUrls } from './fonts.js';

export interface CoverInput {
  browser: Browser;
  workDir: string;
  name: string;
  timeoutMs: number;
  view: ArticleView;
  photoPath: string | undefined;
  articleDir: string;
}

export const coverSize = { width: 800, height: 1280, scale: 2 };

export function renderCover({ browser, workDir, name, timeoutMs, view, photoPath, articleDir }: CoverInput): Promise<Uint8Array> {
  const html = renderPage('cover/cover.html', {
    ...view,
    fontStylesheets: fontStylesheetUrls(),
    stylesheet: pathToFileURL(join(templatesDir, 'cover/cover.css')).href,
    photoUrl: photoPath && pathToFileURL(photoPath).href,
  });
  const viewport = { width: coverSize.width, height: coverSize.height, deviceScaleFactor: coverSize.scale };
  return withPage({ browser, html, workDir, name: `${name}.cover`, timeoutMs, viewport, readable: readableFor(articleDir) }, (page) =>
    page.screenshot({ type: 'jpeg', quality: 80, clip: { x: 0, y: 0, width: coverSize.width, height: coverSize.height } }),
  );
}
