// A theme's stylesheets, checked with css-tree before any page loads: they must parse, and every url() and
// @import must name a file inside the theme folder. epub.css is held to what an EPUB allows: its url()s may
// name only the theme's fonts (copied into the book), and properties EPUBCheck rejects are refused.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import * as csstree from 'css-tree';
import { ImprintError } from '../errors.js';
import { isOutside } from '../paths.js';

/** A font a theme's epub.css names, and its name inside the EPUB's fonts/ folder. */
export interface ThemeFont {
  path: string;
  /** Its name inside the EPUB's fonts/ folder. */
  filename: string;
}

export interface CssSource {
  /** For messages: the path as the user knows it. */
  file: string;
  /** Absolute path of the stylesheet, which its relative URLs resolve against. */
  path: string;
  root: string;
  forEpub: boolean;
}

export const fontExtensions = new Set(['.woff2', '.woff', '.ttf', '.otf']);
/** EPUBCheck reports these (CSS-001 and CSS-006): an EPUB's author CSS must leave them to the reading system. */
const refusedInEpub: Record<string, (value: string) => boolean> = {
  direction: () => true,
  'unicode-bidi': () => true,
  position: (value) => value.trim().toLowerCase() === 'fixed',
};

/** Parses and checks a stylesheet; throws at the first problem with its line and column. */
export function checkCss(text: string, source: CssSource): csstree.CssNode {
  let parseError: { message: string; line: number; column: number } | undefined;
  const ast = csstree.parse(text, {
    positions: true,
    filename: source.file,
    onParseError: (error) => (parseError ??= { message: error.message, line: error.line, column: error.column }),
  });
  if (parseError) {
    throw new ImprintError(
      `not valid CSS: ${parseError.message}`,
      { file: source.file, line: parseError.line, column: parseError.column },
      'Fix the stylesheet; a browser would silently drop the rule.',
    );
  }
  csstree.walk(ast, (node) => {
    if (node.type === 'Url') checkUrl(node.value, node.loc, source);
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
      if (source.forEpub)
        refuse(
          source,
          node.loc,
          '@import is not allowed in epub.css',
          'An EPUB has one stylesheet: put the rules in epub.css itself.',
        );
      csstree.walk(node, (inner) => {
        if (inner.type === 'String') checkUrl(inner.value, inner.loc, source);
      });
    }
    if (node.type === 'Declaration' && source.forEpub) {
      const refused = refusedInEpub[node.property.toLowerCase()];
      if (refused?.(csstree.generate(node.value))) {
        refuse(
          source,
          node.loc,
          `"${node.property}: ${csstree.generate(node.value)}" is not allowed in an EPUB`,
          'EPUBCheck rejects it: reading systems own text direction and fixed positioning. Remove it from epub.css.',
        );
      }
    }
  });
  return ast;
}

/** epub.css, checked, with each font URL rewritten to where the font is in the EPUB; the fonts it names. */
export function epubCss(text: string, source: CssSource): { css: string; fonts: ThemeFont[] } {
  const ast = checkCss(text, source);
  const fonts = new Map<string, ThemeFont>();
  // Rewritten in place, so the EPUB's stylesheet keeps the author's layout and comments.
  const edits: { start: number; end: number; text: string }[] = [];
  csstree.walk(ast, (node) => {
    if (node.type !== 'Url') return;
    const path = resolve(dirname(source.path), node.value);
    if (!fontExtensions.has(extname(path).toLowerCase()) || dirname(path) !== resolve(source.root, 'fonts')) {
      refuse(
        source,
        node.loc,
        `url(${node.value}) is not one of the theme's fonts`,
        "epub.css may refer only to font files in the theme's fonts/ folder; images belong in the article.",
      );
    }
    // The name epub-gen-memory gives the file in the EPUB (it keeps only these characters).
    const filename = basename(path)
      .replace(/\s/g, '_')
      .replace(/[^-._A-Za-z0-9]/g, '');
    fonts.set(path, { path, filename });
    edits.push({ start: node.loc!.start.offset, end: node.loc!.end.offset, text: `url("fonts/${filename}")` });
  });
  const css = edits.reduceRight(
    (result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end),
    text,
  );
  return { css, fonts: [...fonts.values()] };
}

function checkUrl(url: string, loc: csstree.CssLocation | undefined, source: CssSource): void {
  if (/^data:/i.test(url) && !source.forEpub) return;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
    refuse(
      source,
      loc,
      `"${url}" is not a file in the theme; imprint never fetches from the network`,
      'Copy the file into the theme folder and refer to it by a relative path.',
    );
  }
  const path = resolve(dirname(source.path), decodeURI(url.split(/[?#]/)[0]!));
  if (isOutside(source.root, path)) {
    refuse(
      source,
      loc,
      `"${url}" is outside the theme folder`,
      'A theme may use only its own files: copy the file into the theme folder.',
    );
  }
  if (!existsSync(path))
    refuse(
      source,
      loc,
      `"${url}" does not exist in the theme folder`,
      'Add the file, or correct the path (it is relative to the stylesheet).',
    );
}

function refuse(source: CssSource, loc: csstree.CssLocation | undefined, message: string, hint: string): never {
  throw new ImprintError(
    message,
    { file: source.file, ...(loc && { line: loc.start.line, column: loc.start.column }) },
    hint,
  );
}
