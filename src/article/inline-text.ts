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

/** One person a byline names, and the web address their name links to when it was written as a link. */
export interface BylinePerson {
  name: string;
  /** The linked words within `name` and their http(s) address; other links (site paths, mailto) stay text. */
  link?: { text: string; url: string };
}

/**
 * A byline entry as sites write it → its people. One entry may name several people, each with a link, as
 * Kubernetes' blog does: `[A](…) (CNCF), [B](…) (Google)` is two names; plain text stays one entry.
 */
export function bylinePeople(entry: string): BylinePerson[] {
  return bylineParts(entry).flatMap((part) => {
    const name = inlineText(part);
    if (!name) return [];
    const written = /\[([^\]]+)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/.exec(part);
    const text = written && inlineText(written[1]!);
    return [text && name.includes(text) ? { name, link: { text, url: written[2]! } } : { name }];
  });
}

/** A byline entry's names (see bylinePeople). */
export function bylineNames(entry: string): string[] {
  return bylinePeople(entry).map((person) => person.name);
}

/** A byline entry split into one piece per person. */
function bylineParts(entry: string): string[] {
  const links = entry.match(/\[[^\]]+\]\([^)]*\)/g) ?? [];
  if (links.length < 2) return [entry];
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
  return parts;
}
