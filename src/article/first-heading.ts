// A Markdown file without front matter is an article when its first block is a level-1 heading, as MkDocs and
// GitHub treat it: the heading is its title, and leaves the body. Anchors written onto it ({#id}, {/*id*/},
// Kramdown's {: .class}) are not part of the title.
import { inlineText } from './inline-text.js';

export interface FirstHeading {
  title: string;
  /** How much of the text the heading takes (the blank lines before it included). */
  length: number;
}

const atx = /^(?:[ \t]*\r?\n)*[ ]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\r?\n|$)/;
const setext = /^(?:[ \t]*\r?\n)*[ ]{0,3}(\S.*?)[ \t]*\r?\n[ ]{0,3}=+[ \t]*(?:\r?\n|$)/;
const attributes = /\s*(?:\{#[^}]*\}|\{\/\*[\s\S]*?\*\/\}|\{:[^}]*\})\s*$/;

export function firstHeading(text: string): FirstHeading | undefined {
  const match = atx.exec(text) ?? setext.exec(text);
  if (!match) return undefined;
  const title = inlineText(match[1]!.replace(attributes, ''));
  return title === '' ? undefined : { title, length: match[0].length };
}
