// Markdown written inside a front-matter field or a heading, as the plain text a reader sees: a byline
// `[Bob Killen](https://github.com/mybobbytables) (CNCF)` is the name "Bob Killen (CNCF)".
import MarkdownIt from 'markdown-it';
import type { Token } from './markdown-types.js';

const inline = new MarkdownIt('commonmark', { html: false });

/** The text of one line of Markdown: emphasis, code and links kept as their words, images as their alt text. */
export function inlineText(markdown: string): string {
  return textOf(inline.parseInline(markdown, {})[0]?.children ?? [])
    .replace(/\s+/g, ' ')
    .trim();
}

function textOf(tokens: readonly Token[]): string {
  return tokens
    .map((token) =>
      token.type === 'softbreak' || token.type === 'hardbreak'
        ? ' '
        : token.type === 'image'
          ? textOf(token.children ?? [])
          : token.content,
    )
    .join('');
}

/** Whether a field is written in Markdown (a link, emphasis), so its plain text differs from it. */
export function hasMarkdown(text: string): boolean {
  return inlineText(text) !== text.replace(/\s+/g, ' ').trim();
}

/**
 * A byline entry as sites write it → its names. One entry may name several people, each with a link, as
 * Kubernetes' blog does: `[A](…) (CNCF), [B](…) (Google)` is two names; plain text stays one entry.
 */
export function bylineNames(entry: string): string[] {
  const links = entry.match(/\[[^\]]+\]\([^)]*\)/g) ?? [];
  if (links.length < 2) return [inlineText(entry)].filter(Boolean);
  // Split at commas, semicolons and "and" that are outside parentheses and brackets.
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < entry.length; i++) {
    const char = entry[i]!;
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    const separator = depth === 0 ? /^(?:[,;，、]|\s+and\s+|\s+&\s+)/.exec(entry.slice(i))?.[0] : undefined;
    if (separator) {
      parts.push(entry.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(entry.slice(start));
  return parts.map(inlineText).filter(Boolean);
}
