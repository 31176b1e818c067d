// Article → the print edition's HTML page: the shared article fragment, fonts, CSS and the page set-up.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Mustache from 'mustache';
import type { PageSize } from '../article/front-matter.js';
import { templatesDir } from '../paths.js';
import { readTemplate, renderArticleFragment, type ArticleView } from './article-view.js';
import { fontStylesheetUrls } from './fonts.js';

/** Trim size and margins (top, sides, bottom) for each page set-up. */
export const pageSetups: Record<PageSize, { size: string; margin: string }> = {
  a4: { size: '210mm 297mm', margin: '24mm 24mm 22mm' },
  letter: { size: '8.5in 11in', margin: '0.95in 1in 0.85in' },
};

export function renderPrintHtml(view: ArticleView, page: PageSize): string {
  const setup = pageSetups[page];
  const runningHead = cssString(`${view.publication} · ${truncate(view.title, 90)}`);
  // The :first rule must follow the running head's rule: Chromium lets the later @page rule win for margin boxes.
  const pageCss = [
    `@page { size: ${setup.size}; margin: ${setup.margin}; @top-center { content: ${runningHead}; } }`,
    '@page :first { @top-center { content: none; } }',
  ].join('\n');
  return Mustache.render(readTemplate('print/page.html'), {
    lang: view.lang,
    title: view.title,
    fontStylesheets: fontStylesheetUrls(),
    stylesheet: pathToFileURL(join(templatesDir, 'print/print.css')).href,
    pageCss,
    article: renderArticleFragment(view),
  });
}

/** A CSS string literal safe inside a <style> element: everything but plain letters is a hex escape. */
export function cssString(text: string): string {
  const escaped = Array.from(text, (char) => (/[A-Za-z0-9 ,.]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}
