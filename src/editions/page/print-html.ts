// Article → the print edition's HTML page: the shared article fragment, fonts, CSS and the page set-up.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PageSize, pageDimensions, pageMargins, photoHeightShare } from '../../article/page-size.js';
import { htmlText } from '../../fonts/missing-glyphs.js';
import { type PageFonts, pageFonts } from '../../fonts/page-fonts.js';
import { templatesDir } from '../../paths.js';
import type { Theme } from '../../theme/theme.js';
import { type ArticleView, renderArticleFragment, renderPage } from './article-view.js';
import { withQrCodes } from './qr-codes.js';

export interface PrintHtmlOptions {
  /**
   * Set the body justified, as newspapers do; only with hyphenation for the article's language, because
   * justified text without it opens rivers of white. Without patterns the text is set ragged-right.
   */
  justified: boolean;
  /** The theme's print.css, loaded after everything built in so that it can override it. */
  theme?: Pick<Theme, 'printCss'> | undefined;
}

/** The print page's HTML, and the fonts it loads (for the caller to check the PDF against). */
export function renderPrintHtml(
  view: ArticleView,
  page: PageSize,
  { justified, theme }: PrintHtmlOptions,
): { html: string; fonts: PageFonts } {
  const article = renderArticleFragment({ ...view, bodyHtml: withQrCodes(view.bodyHtml) });
  const fonts = pageFonts([htmlText(article), furnitureText(view)].join('\n'), view.lang);
  const html = renderPage('print/page.html', {
    lang: view.lang,
    dir: view.dir,
    title: view.title,
    ...printStylesheets(theme, fonts),
    pageCss: [pageCss(view, page, 0), fonts.css].join('\n'),
    bodyClass: justified ? 'justified' : 'ragged',
    article,
  });
  return { html, fonts };
}

/** What the page's margins print: the running head, and the footer's words with the digits of its numbers. */
export function furnitureText(view: Pick<ArticleView, 'publication' | 'title' | 'labels' | 'digits'>): string {
  return [runningHead(view), view.labels.page, view.digits].join('\n');
}

/**
 * A print page's stylesheets for templates/print/head.html: the bundled fonts its text needs; imprint's print.css, then any
 * `extra` of the page's own; and the theme's last (print media only), so that it can override anything.
 */
export function printStylesheets(theme: PrintHtmlOptions['theme'], fonts: PageFonts, extra: readonly string[] = []) {
  const stylesheet = (name: string) => pathToFileURL(join(templatesDir, name)).href;
  return {
    fontStylesheets: fonts.stylesheetUrls,
    stylesheets: ['print/print.css', ...extra].map(stylesheet),
    themeStylesheets: [...(theme?.printCss ? [{ media: 'print', href: pathToFileURL(theme.printCss).href }] : [])],
  };
}

/**
 * The @page rules: size, margins and running head. With a bleed (the press edition's page when a theme styles
 * the page box, printed from the same loaded page with these rules appended) the sheet grows by it on every
 * side and so do the margins: the type area stays where the trim puts it, and the page's background runs on
 * into the bleed.
 */
export function pageCss(
  view: Pick<ArticleView, 'publication' | 'title' | 'labels' | 'counterStyle'>,
  page: PageSize,
  bleed: number,
): string {
  const trim = pageDimensions(page);
  const trimMargins = pageMargins(page);
  const margins = { top: trimMargins.top + bleed, side: trimMargins.side + bleed, bottom: trimMargins.bottom + bleed };
  const head = cssString(runningHead(view));
  // The :first rule must follow the running head's rule: Chromium lets the later @page rule win for margin boxes.
  return [
    `@page { size: ${trim.width + 2 * bleed}mm ${trim.height + 2 * bleed}mm; margin: ${margins.top}mm ${margins.side}mm ${margins.bottom}mm; @top-center { content: ${head}; } @bottom-center { content: ${pageNumberContent(view.labels.page, view.counterStyle)}; } }`,
    '@page :first { @top-center { content: none; } }',
    // A figure never splits from its caption, so one that does not fit moves to the next page whole and
    // leaves a gap: photos are capped at 42% of the type area, so the gap stays under half a page, and a tall
    // portrait shrinks to fit rather than emptying the page before it.
    `figure img { max-height: ${Math.round((trim.height - trimMargins.top - trimMargins.bottom) * photoHeightShare)}mm; }`,
  ].join('\n');
}

/** The running head of every page after the first: "publication · title". */
export function runningHead(view: Pick<ArticleView, 'publication' | 'title'>): string {
  return `${view.publication} · ${truncate(view.title, 90)}`;
}

/** "Page {page} of {pages}" → `"Page " counter(page) " of " counter(pages)`, the footer's CSS content, in the language's digits. */
export function pageNumberContent(label: string, counterStyle = 'decimal'): string {
  const counter = (name: string) =>
    counterStyle === 'decimal' ? `counter(${name})` : `counter(${name}, ${counterStyle})`;
  return label
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? counter('page') : part === '{pages}' ? counter('pages') : cssString(part)))
    .join(' ');
}

/** A CSS string literal safe inside a <style> element: everything but plain letters is a hex escape. */
export function cssString(text: string): string {
  const escaped = Array.from(text, (char) =>
    /[A-Za-z0-9 ,.]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `,
  ).join('');
  return `"${escaped}"`;
}

/** Cut at a whole character (code point), so that an emoji or a CJK extension character is never halved. */
function truncate(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit
    ? text
    : `${characters
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`;
}
