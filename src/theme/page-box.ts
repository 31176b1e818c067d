// Whether a theme's print CSS styles the page box itself: an @page rule (or one of its margin boxes) that sets
// more than type (a background, a border, other margins, a size). Chromium paints a page's background and its
// margin boxes out to the page's edge, so such a page needs printing at bleed size for the press edition
// (editions/pdf/press-page.ts); rules that only set the running head's font and colour do not.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as csstree from 'css-tree';
import { isOutside } from '../paths.js';

/** What an @page rule or a margin box may set and still print nothing near the page's edge. */
const typeOnly = /^(?:--|font|color$|letter-spacing$|word-spacing$|line-height$|text-|counter-|quotes$|hyphens$)/;
/** A margin box may also place its text within itself. */
const placesText = /^(?:content$|vertical-align$|white-space$|padding|direction$|unicode-bidi$)/;

/**
 * True when the stylesheet at `path`, or a sheet of the theme's it imports, sets anything but type in an
 * @page rule. `root` is the theme folder (imports outside it were refused when the theme was loaded).
 */
export function stylesPageBox(path: string, root: string, seen = new Set<string>()): boolean {
  if (seen.has(path) || isOutside(root, path)) return false;
  seen.add(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false; // checked when the theme was loaded: a missing import loads nothing
  }
  return cssStylesPageBox(text, (url) => stylesPageBox(resolve(dirname(path), url.split(/[?#]/)[0]!), root, seen));
}

/** The same for a stylesheet's text; `imported` answers for each @import's URL. */
export function cssStylesPageBox(text: string, imported: (url: string) => boolean = () => false): boolean {
  const ast = csstree.parse(text, { parseValue: false });
  let styles = false;
  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node) {
      const name = node.name.toLowerCase();
      if (name === 'import') {
        const url = node.prelude ? importUrl(node.prelude) : undefined;
        if (url !== undefined && imported(decodeURI(url))) styles = true;
      }
      if (name === 'page' && pageRuleStylesBox(node)) styles = true;
    },
  });
  return styles;
}

function pageRuleStylesBox(page: csstree.Atrule): boolean {
  return (page.block?.children.toArray() ?? []).some((child) => {
    if (child.type === 'Declaration') return !typeOnly.test(child.property.toLowerCase());
    if (child.type !== 'Atrule') return false;
    // A margin box (@top-center and its kind): its declarations.
    return (child.block?.children.toArray() ?? []).some(
      (inner) =>
        inner.type !== 'Declaration' ||
        !(typeOnly.test(inner.property.toLowerCase()) || placesText.test(inner.property.toLowerCase())),
    );
  });
}

function importUrl(prelude: csstree.AtrulePrelude | csstree.Raw): string | undefined {
  let url: string | undefined;
  csstree.walk(prelude, (node) => {
    if (url === undefined && (node.type === 'Url' || node.type === 'String')) url = node.value;
  });
  return url;
}
