// Editorial rules: each reads the parsed body and returns findings at 0-based body lines and 1-based columns.
import type { Token } from '../article/markdown-types.js';
import type { ShortcodeMeta } from '../article/shortcodes.js';
import { isSitePath } from '../article/site-links.js';
import { accessibilityClaimWithheld, accessibilityConformance } from '../editions/epub/epub-package.js';

export interface Finding {
  rule: string;
  bodyLine: number;
  column: number;
  message: string;
}

export interface RuleInput {
  tokens: Token[];
  /** The body's source lines, for columns. */
  lines: string[];
  /** Whether links written as site paths have an address to resolve against (imprint.yaml's site:, or the source). */
  siteKnown?: boolean;
  /** Whether relative links do (the article's source, its own address). */
  pageKnown?: boolean;
}

export type Rule = (input: RuleInput) => Finding[];

/** Links to nowhere: `[text](#)` or `[text]()`, as converters leave them when the target is lost. */
export const deadLink: Rule = ({ tokens, lines }) =>
  inlineTokens(tokens).flatMap(({ token, line }) => {
    const dead = (token.children ?? []).filter(
      (child) => child.type === 'link_open' && ['', '#'].includes((child.attrGet('href') ?? '').trim()),
    );
    if (dead.length === 0) return [];
    // Neither bracket inside the text and one way to match the spaces: linear on a line of thousands of "[" or " ".
    const places = findAll(lines, line, token.map?.[1] ?? line + 1, /\[[^[\]]*\]\(\s*(?:#\s*)?\)/g);
    return dead.map((link, i) => {
      const place = places[i] ?? { line, column: 1 };
      const text = textAfter(token.children ?? [], link);
      return {
        rule: 'dead-link',
        bodyLine: place.line,
        column: place.column,
        message: `link "${text}" points nowhere (${link.attrGet('href') ? '#' : 'empty'}); link it to its source or make it plain text`,
      };
    });
  });

/** Links written as the site's own paths, with no site address to resolve them against: printed as plain text. */
export const siteLink: Rule = ({ tokens, siteKnown = false, pageKnown = false }) =>
  inlineTokens(tokens).flatMap(({ token, line }) =>
    (token.children ?? [])
      .filter(
        (child) =>
          child.type === 'link_open' &&
          isSitePath(child.attrGet('href') ?? '') &&
          !((child.attrGet('href') ?? '').startsWith('/') ? siteKnown || pageKnown : pageKnown),
      )
      .map((link) => ({
        rule: 'site-link',
        bodyLine: line,
        column: 1,
        message: `link "${textAfter(token.children ?? [], link)}" goes to the site path "${link.attrGet('href')}", and there is no site address to resolve it against; it is printed as plain text. Set site: in imprint.yaml, or source: in the front matter`,
      })),
  );

/** A paragraph ending in "word-" followed by one starting in lower case: a word broken across a blank line. */
export const brokenParagraph: Rule = ({ tokens, lines }) => {
  const paragraphs = topLevelParagraphs(tokens);
  const findings: Finding[] = [];
  for (let i = 1; i < paragraphs.length; i++) {
    const before = paragraphs[i - 1]!;
    const after = paragraphs[i]!;
    // Read from the end by hand: /(\p{L}+)-$/ retries from every letter of a long word, quadratic in its length.
    const end = before.text.endsWith('-') ? lettersBefore(before.text, before.text.length - 1) : undefined;
    const start = /^(\p{Ll}\p{L}*)/u.exec(after.text);
    if (!end || !start) continue;
    const lastLine = (before.map[1] ?? before.map[0] + 1) - 1;
    const column = lines[lastLine]?.trimEnd().length ?? 1;
    findings.push({
      rule: 'broken-paragraph',
      bodyLine: lastLine,
      column,
      message: `paragraph ends in "${end}-" and the next starts with "${start[1]}": one paragraph broken mid-word? Join them ("${end}-${start[1]}")`,
    });
  }
  return findings;
};

export const missingAlt: Rule = ({ tokens }) =>
  inlineTokens(tokens).flatMap(({ token, line }) =>
    (token.children ?? [])
      .filter((child) => child.type === 'image' && child.content.trim() === '')
      .map((image) => ({
        rule: 'missing-alt',
        bodyLine: line,
        column: 1,
        message: `image "${image.attrGet('src')}" has no alt text; describe what it shows for readers who cannot see it`,
      })),
  );

/** Why the EPUB will carry no EPUB Accessibility 1.1 claim, once per article, at the first image that costs it. */
export const accessibilityClaim: Rule = (input) => {
  const undescribed = missingAlt(input);
  const first = undescribed[0];
  const why = accessibilityClaimWithheld(undescribed.length);
  if (!first || !why) return [];
  return [
    { ...first, rule: 'accessibility-claim', message: `the EPUB will not claim ${accessibilityConformance}: ${why}` },
  ];
};

/**
 * A heading that skips a level (## then ####): screen readers' heading navigation loses its outline, and the
 * print PDF cannot claim PDF/UA (Matterhorn 14-003). The headline is the h1, so the body starts at ##.
 */
export const skippedHeadingLevel: Rule = ({ tokens }) => {
  const findings: Finding[] = [];
  let previous = 1;
  for (const token of tokens) {
    if (token.type !== 'heading_open') continue;
    const level = Number(token.tag.slice(1));
    if (level > previous + 1) {
      const hashes = '#'.repeat(previous + 1);
      findings.push({
        rule: 'heading-level',
        bodyLine: token.map?.[0] ?? 0,
        column: 1,
        message: `${'#'.repeat(level)} follows ${'#'.repeat(previous)} (the headline is #): use ${hashes}, or the print PDF will not claim PDF/UA`,
      });
    }
    previous = level;
  }
  return findings;
};

/** Hugo shortcodes that have no meaning in print are left out of the editions: say which, and where. */
export const shortcode: Rule = ({ tokens }) => {
  const findings: Finding[] = [];
  for (const token of tokens) {
    const found =
      token.type === 'shortcode' ? [token] : (token.children ?? []).filter((child) => child.type === 'shortcode');
    for (const code of found) {
      const { name } = code.meta as ShortcodeMeta;
      if (name.startsWith('/')) continue; // the closing half of a pair is named with its opening
      findings.push({
        rule: 'shortcode',
        bodyLine: token.map?.[0] ?? 0,
        column: 1,
        message: `the shortcode {{< ${name} >}} means nothing in print and is left out of the editions; replace it with Markdown if its content matters`,
      });
    }
  }
  return findings;
};

export const figureWithoutCredit: Rule = ({ tokens }) => {
  const findings: Finding[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'figure_open') return;
    const close = tokens.findIndex((t, j) => j > i && t.type === 'figure_close');
    const hasCredit = tokens
      .slice(i, close)
      .some((t) => (t.children ?? []).some((child) => child.attrGet('class') === 'credit'));
    if (!hasCredit) {
      findings.push({
        rule: 'figure-without-credit',
        bodyLine: token.map?.[0] ?? 0,
        column: 1,
        message: 'figure has no photo credit; end its caption with the credit in bold, e.g. **Jane Doe / AP**',
      });
    }
  });
  return findings;
};

const creditLine =
  /^(?:[\p{Lu}][\p{L}.&'’ -]*\s+contributed\s+(?:to\s+this\s+)?report(?:ing|s)?|(?:additional\s+|with\s+(?:additional\s+)?)?reporting\s+(?:by|from)\s+.+)\.?$/iu;

/** "AFP contributed reporting." belongs in the front matter's credits, where every edition prints it. */
/** Longer than any credit line: such paragraphs are not matched (the pattern backtracks on long runs of spaces). */
const creditLineMaxLength = 300;

export const creditInBody: Rule = ({ tokens }) =>
  topLevelParagraphs(tokens)
    .filter((paragraph) => paragraph.text.length <= creditLineMaxLength && creditLine.test(paragraph.text))
    .map((paragraph) => ({
      rule: 'credit-in-body',
      bodyLine: paragraph.map[0],
      column: 1,
      message: `reporting credit in the body; move "${paragraph.text}" to the front matter's credits`,
    }));

export const rules: readonly Rule[] = [
  deadLink,
  siteLink,
  brokenParagraph,
  missingAlt,
  accessibilityClaim,
  skippedHeadingLevel,
  shortcode,
  figureWithoutCredit,
  creditInBody,
];

function inlineTokens(tokens: Token[]): { token: Token; line: number }[] {
  return tokens.filter((token) => token.type === 'inline').map((token) => ({ token, line: token.map?.[0] ?? 0 }));
}

/** Paragraphs outside figures, lists and quotes, with their plain text. */
function topLevelParagraphs(tokens: Token[]): { text: string; map: [number, number] }[] {
  return tokens.flatMap((token, i) => {
    if (token.type !== 'paragraph_open' || token.level !== 0 || !token.map) return [];
    const text = (tokens[i + 1]?.children ?? [])
      .map((child) => (child.type.endsWith('break') ? ' ' : child.content))
      .join('')
      .trim();
    return [{ text, map: token.map as [number, number] }];
  });
}

/** The word of letters that ends at `end` (exclusive); undefined when there is none or it is too long to be a word. */
function lettersBefore(text: string, end: number, longest = 100): string | undefined {
  let start = end;
  while (start > 0 && end - start <= longest) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start > 1 ? 2 : 1; // a letter beyond the BMP is two code units
    if (!/^\p{L}$/u.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start < end && end - start <= longest ? text.slice(start, end) : undefined;
}

function textAfter(children: Token[], open: Token): string {
  const start = children.indexOf(open);
  const close = children.findIndex((child, i) => i > start && child.type === 'link_close');
  return children
    .slice(start + 1, close)
    .map((child) => child.content)
    .join('');
}

function findAll(lines: string[], from: number, to: number, pattern: RegExp): { line: number; column: number }[] {
  const places: { line: number; column: number }[] = [];
  for (let line = from; line < to; line++) {
    for (const match of (lines[line] ?? '').matchAll(pattern)) places.push({ line, column: (match.index ?? 0) + 1 });
  }
  return places;
}
