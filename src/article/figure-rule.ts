// `::: figure` → <figure><img alt><figcaption>caption <span class="credit">credit</span></figcaption></figure>.
// The container holds at most one image and a caption; the caption's trailing **…** is the photo credit.
import type MarkdownIt from 'markdown-it';
import type { PluginWithParams } from 'markdown-it';
import container from 'markdown-it-container';
import { BodyError } from './body-error.js';
import type { StateCore, Token } from './markdown-types.js';

/** A photo's own caption and credit (its IPTC/XMP), by the image's src as written, for figures that give none. */
export interface FigureEnv {
  photoText?: Record<string, { caption?: string | undefined; credit?: string | undefined }>;
  /** Filled by the rule: the figures that took their caption or credit from the photo. */
  fromPhoto?: { src: string; bodyLine: number; caption: boolean; credit: boolean }[];
}

export function figurePlugin(md: MarkdownIt): void {
  // @types/markdown-it-container is typed against markdown-it's CJS typings; the runtime plugin is the same.
  md.use(container as unknown as PluginWithParams, 'figure');
  md.core.ruler.push('captioned_image', (state) => {
    state.tokens = captionedImages(state);
  });
  md.core.ruler.push('figure', (state) => {
    state.tokens = restructureFigures(state);
  });
}

/**
 * Kramdown's (Jekyll's) way of captioning: a paragraph of just an image and, on the next line, the caption
 * in emphasis. It becomes a figure, as if written `::: figure`.
 */
function captionedImages(state: StateCore): Token[] {
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const [open, inline, close] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    const children = inline?.children ?? [];
    const captioned =
      open.type === 'paragraph_open' &&
      close?.type === 'paragraph_close' &&
      children.length >= 4 &&
      children[0]!.type === 'image' &&
      children[1]!.type === 'softbreak' &&
      children[2]!.type === 'em_open' &&
      children.at(-1)!.type === 'em_close' &&
      children.findIndex((child, index) => index > 2 && child.type === 'em_close') === children.length - 1;
    if (!captioned) {
      out.push(open);
      continue;
    }
    const line = open.map?.[0] ?? 0;
    inline!.children = [children[0]!, children[1]!, ...children.slice(3, -1)];
    const [figureOpen, figureClose] = [
      block(state, 'container_figure_open', 'div', 1, line),
      block(state, 'container_figure_close', 'div', -1, line),
    ];
    figureOpen.level = figureClose.level = open.level;
    out.push(figureOpen, open, inline!, close!, figureClose);
    i += 2;
  }
  return out;
}

function restructureFigures(state: StateCore): Token[] {
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'container_figure_open') {
      out.push(open);
      continue;
    }
    const closeIndex = tokens.findIndex(
      (t, j) => j > i && t.type === 'container_figure_close' && t.level === open.level,
    );
    out.push(...buildFigure(state, open, tokens.slice(i + 1, closeIndex)));
    i = closeIndex;
  }
  return out;
}

function buildFigure(state: StateCore, open: Token, inner: Token[]): Token[] {
  const line = open.map?.[0] ?? 0;
  const children: Token[] = [];
  let imageLine = line;
  for (const token of inner) {
    if (token.type === 'paragraph_open' || token.type === 'paragraph_close') continue;
    if (token.type !== 'inline') {
      throw new BodyError(
        `a figure holds one image and a caption, not a ${token.type.replace(/_open$/, '')}`,
        token.map?.[0] ?? line,
        'Move other content out of the ::: figure block.',
      );
    }
    if (children.length > 0) children.push(new state.Token('softbreak', 'br', 0));
    if (token.children?.some((child) => child.type === 'image')) imageLine = token.map?.[0] ?? line;
    children.push(...(token.children ?? []));
  }

  const images = children.filter((child) => child.type === 'image');
  if (images.length > 1) {
    throw new BodyError(
      `a figure holds at most one image, this one has ${images.length}`,
      line,
      'Give each image its own ::: figure block.',
    );
  }
  const caption = trimBreaks(children.filter((child) => child.type !== 'image'));
  if (images[0]) completeFromPhoto(state, caption, images[0].attrGet('src') ?? '', line);
  const credit = markTrailingCredit(caption);
  // The photo keeps its credit, for wherever it is shown outside the figure (the EPUB cover).
  if (images[0] && credit) images[0].meta = { credit };

  const figure: Token[] = [block(state, 'figure_open', 'figure', 1, line)];
  // The image keeps its own line, so a missing file is reported where it is written.
  if (images[0]) figure.push(inline(state, [images[0]], imageLine));
  if (caption.length > 0) {
    figure.push(
      block(state, 'figcaption_open', 'figcaption', 1, line),
      inline(state, caption, line),
      block(state, 'figcaption_close', 'figcaption', -1, line),
    );
  }
  figure.push(block(state, 'figure_close', 'figure', -1, line));
  return figure;
}

/** A figure without a caption or credit in the Markdown takes the photo's own, as agencies embed them. */
function completeFromPhoto(state: StateCore, caption: Token[], src: string, line: number): void {
  const env = state.env as FigureEnv;
  const embedded = env.photoText?.[src];
  if (!embedded) return;
  const hasCaption = caption.some((token) => token.type === 'text' && token.content.trim() !== '');
  const hasCredit = caption.at(-1)?.type === 'strong_close';
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  const addCaption = !hasCaption && !hasCredit && embedded.caption !== undefined;
  if (addCaption) caption.push(text(embedded.caption!));
  const addCredit = !hasCredit && embedded.credit !== undefined;
  if (addCredit) {
    if (caption.length > 0) caption.push(text(' '));
    caption.push(
      new state.Token('strong_open', 'strong', 1),
      text(embedded.credit!),
      new state.Token('strong_close', 'strong', -1),
    );
  }
  if (addCaption || addCredit)
    (env.fromPhoto ??= []).push({ src, bodyLine: line, caption: addCaption, credit: addCredit });
}

/**
 * A caption ending in **…** has its credit there: render it as <span class="credit"> rather than <strong>.
 * Returns the credit's text.
 */
function markTrailingCredit(caption: Token[]): string | undefined {
  const last = caption.at(-1);
  if (last?.type !== 'strong_close') return undefined;
  const openIndex = caption.findLastIndex((token) => token.type === 'strong_open');
  const strongOpen = caption[openIndex];
  if (!strongOpen) return undefined;
  for (const token of [strongOpen, last]) {
    token.tag = 'span';
    token.markup = '';
  }
  strongOpen.attrSet('class', 'credit');
  // A Latin agency name in a right-to-left caption (or the other way round) keeps its own order.
  strongOpen.attrSet('dir', 'auto');
  return (
    caption
      .slice(openIndex + 1, -1)
      .map((token) => (token.type === 'softbreak' ? ' ' : token.content))
      .join('')
      .trim() || undefined
  );
}

function trimBreaks(tokens: Token[]): Token[] {
  const isBlank = (t: Token) =>
    t.type === 'softbreak' || t.type === 'hardbreak' || (t.type === 'text' && t.content.trim() === '');
  let start = 0;
  let end = tokens.length;
  while (start < end && isBlank(tokens[start]!)) start++;
  while (end > start && isBlank(tokens[end - 1]!)) end--;
  const trimmed = tokens.slice(start, end);
  const first = trimmed[0];
  if (first?.type === 'text') first.content = first.content.trimStart();
  return trimmed;
}

function block(state: StateCore, type: string, tag: string, nesting: 1 | -1, line: number): Token {
  const token = new state.Token(type, tag, nesting);
  token.block = true;
  token.map = [line, line + 1];
  return token;
}

function inline(state: StateCore, children: Token[], line: number): Token {
  const token = new state.Token('inline', '', 0);
  token.children = children;
  token.map = [line, line + 1];
  return token;
}
