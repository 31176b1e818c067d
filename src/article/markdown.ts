// Markdown body → HTML: CommonMark via markdown-it, typographer on, raw HTML off, figures, image references.
import MarkdownIt from 'markdown-it';
import { asidePlugin, type VideoEnv } from './aside-rule.js';
import { type FigureEnv, figurePlugin } from './figure-rule.js';
import { linkLabelPlugin } from './link-label.js';
import type { Token } from './markdown-types.js';
import { sanitizeBody } from './sanitize.js';
import { type ShortcodeEnv, shortcodePlugin } from './shortcodes.js';
import { type SiteLinkEnv, siteLinksPlugin } from './site-links.js';

export interface ImageReference {
  /** As written in the Markdown. */
  src: string;
  /** The image's description for readers who cannot see it (empty when the author gave none). */
  alt: string;
  /** 0-based line in the body. */
  bodyLine: number;
  /** The photo credit of the figure it is in, if it has one. */
  credit?: string;
}

export interface RenderedBody {
  html: string;
  images: ImageReference[];
  /** Plain text of the first body paragraph outside figures: the fallback description. */
  firstParagraph: string;
}

/** Typographer quotes by language: [open, close, inner open, inner close]; English for anything else. */
const quotesByLanguage: Record<string, string[]> = {
  en: ['“', '”', '‘', '’'],
  ru: ['«', '»', '„', '“'],
  uk: ['«', '»', '„', '“'],
  hy: ['«', '»', '„', '“'],
  el: ['«', '»', '“', '”'],
  de: ['„', '“', '‚', '‘'],
  fr: ['«\u00A0', '\u00A0»', '‹\u00A0', '\u00A0›'],
};

/**
 * One parser per language and HTML policy for the whole build: building one compiles markdown-it's rules and
 * linkify's patterns (~7 ms), more than parsing a short article, and each article is parsed three times
 * (check, remote photos, render). The plugins keep no state between parses (only per parse, in its env/state).
 */
const parsers = new Map<string, MarkdownIt>();

export function createMarkdown(lang: string, allowHtml = false): MarkdownIt {
  const key = `${lang}\n${allowHtml}`;
  let md = parsers.get(key);
  if (!md) parsers.set(key, (md = newMarkdown(lang, allowHtml)));
  return md;
}

function newMarkdown(lang: string, allowHtml: boolean): MarkdownIt {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const quotes = quotesByLanguage[primary] ?? ['“', '”', '‘', '’'];
  return new MarkdownIt('commonmark', { html: allowHtml, typographer: true, quotes })
    .enable(['replacements', 'smartquotes', 'strikethrough', 'table'])
    .use(linkLabelPlugin)
    .use(shortcodePlugin)
    .use(asidePlugin, lang)
    .use(siteLinksPlugin)
    .use(figurePlugin);
}

/**
 * Renders the body. `imageUrl` maps each image's written src to the URL the editions load it from;
 * it runs before rendering so the HTML never carries an unresolved path.
 */
/** The body's tokens, after the figure rule; block tokens carry 0-based body lines in `map`. */
export function parseBody(body: string, lang: string): Token[] {
  return createMarkdown(lang).parse(body, {});
}

export function renderBody(
  body: string,
  lang: string,
  imageUrl: (image: ImageReference) => string,
  allowHtml = false,
  env: ShortcodeEnv & FigureEnv & SiteLinkEnv & VideoEnv = {},
): RenderedBody {
  const md = createMarkdown(lang, allowHtml);
  const tokens = md.parse(body, env);
  const images: ImageReference[] = [];
  for (const token of tokens) {
    for (const child of token.type === 'inline' ? (token.children ?? []) : []) {
      if (child.type !== 'image') continue;
      const credit = (child.meta as { credit?: string } | null)?.credit;
      const image = {
        src: child.attrGet('src') ?? '',
        alt: child.content.trim(),
        bodyLine: token.map?.[0] ?? 0,
        ...(credit && { credit }),
      };
      images.push(image);
      child.attrSet('src', imageUrl(image));
    }
  }
  if (!allowHtml)
    return { html: md.renderer.render(tokens, md.options, env), images, firstParagraph: firstParagraphText(tokens) };
  // Raw HTML's own images (a site's <figure><img><figcaption>) are checked and resolved like Markdown's.
  const checkedUrls = new Set(
    tokens
      .flatMap((t) => t.children ?? [])
      .filter((c) => c.type === 'image')
      .map((c) => c.attrGet('src') ?? ''),
  );
  for (const token of [...tokens, ...tokens.flatMap((t) => t.children ?? [])].filter(
    (t) => t.type === 'html_block' || t.type === 'html_inline',
  )) {
    token.content = token.content.replace(/<img\b[^>]*>/gi, (tag) => {
      const src = /\ssrc\s*=\s*"([^"]*)"|\ssrc\s*=\s*'([^']*)'/i.exec(tag);
      const written = src?.[1] ?? src?.[2];
      if (written === undefined) return tag;
      const alt = /\salt\s*=\s*"([^"]*)"|\salt\s*=\s*'([^']*)'/i.exec(tag);
      const image = { src: written, alt: (alt?.[1] ?? alt?.[2] ?? '').trim(), bodyLine: token.map?.[0] ?? 0 };
      let url: string;
      try {
        url = imageUrl(image);
      } catch {
        return tag; // remote or outside the folder: the sanitiser drops it, as raw HTML's policy says
      }
      images.push(image);
      checkedUrls.add(url);
      return tag.replace(src![0], ` src="${url}"`);
    });
  }
  const html = sanitizeBody(md.renderer.render(tokens, md.options, env), checkedUrls)
    // A raw figure's caption ending in bold has its credit there, as in `::: figure`.
    .replace(
      /<strong>([^<]*)<\/strong>(\s*)<\/figcaption>/g,
      '<span class="credit" dir="auto">$1</span>$2</figcaption>',
    );
  return { html, images, firstParagraph: firstParagraphText(tokens) };
}

function firstParagraphText(tokens: Token[]): string {
  let insideFigure = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'figure_open') insideFigure++;
    if (token.type === 'figure_close') insideFigure--;
    if (token.type === 'paragraph_open' && insideFigure === 0) {
      const inline = tokens[i + 1];
      return (inline?.children ?? [])
        .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content))
        .join('')
        .trim();
    }
  }
  return '';
}
