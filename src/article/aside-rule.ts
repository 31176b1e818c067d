// Blocks sites write that imprint prints as its own: `::: aside Title` (from MDX's <Note>, <DeepDive>… and
// Docusaurus' `:::note Title`, `:::tip[Title]`) → <aside> with its title; `::: video URL` (from <YouTubeIframe>)
// → "Video: title — URL", which print editions give a QR code (qr-codes.ts). Anchors and attribute lists sites
// write after headings and blocks ({#id}, {/*id*/}, Kramdown's {: .class}) never print.
import type MarkdownIt from 'markdown-it';
import type { PluginWithOptions } from 'markdown-it';
import container from 'markdown-it-container';
import { fillLabel, type LabelOverrides, labelsFor } from '../labels/labels.js';
import type { StateCore } from './markdown-types.js';

/** Docusaurus' admonitions, as its `:::name` blocks write them. */
const admonitions = ['note', 'tip', 'info', 'warning', 'caution', 'danger', 'important', 'success', 'secondary'];
const asideInfo = new RegExp(`^(aside|${admonitions.join('|')})(?:\\[(.*)\\])?(?:\\s+(.*))?$`);
const attributeList = /^(?:\{#[\w:.-]*\}|\{\/\*[\s\S]*?\*\/\}|\{:[^}\n]*\})$/;

/**
 * The text without the attribute list it ends in, if it ends in one. Tested from the list's own opening brace,
 * not with a leading `\s*`, which made a regular expression quadratic over a long run of spaces.
 */
function withoutAttributeList(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return text;
  const starts = ['{#', '{/*', '{:'].map((open) => trimmed.lastIndexOf(open)).filter((at) => at >= 0);
  const start = starts.sort((a, b) => a - b).find((at) => attributeList.test(trimmed.slice(at)));
  return start === undefined ? text : trimmed.slice(0, start).trimEnd();
}

/** The house style's label overrides (imprint.yaml, the theme's labels.yaml), for the line a video prints as. */
export interface VideoEnv {
  labels?: readonly LabelOverrides[];
}

export function asidePlugin(md: MarkdownIt, lang: string): void {
  const use = container as unknown as PluginWithOptions<object>;
  md.use(use, 'aside', {
    validate: (params: string) => asideInfo.test(params.trim()),
    render: (tokens: { info: string; nesting: number }[], index: number) => {
      const token = tokens[index]!;
      if (token.nesting !== 1) return '</aside>\n';
      const [, kind, bracketed, rest] = asideInfo.exec(token.info.trim()) ?? [];
      const title = (bracketed ?? rest ?? '').trim();
      return `<aside class="aside aside-${kind === 'aside' ? 'note' : kind}">\n${title ? `<p class="aside-title"><strong>${md.utils.escapeHtml(title)}</strong></p>\n` : ''}`;
    },
  });
  md.use(use, 'video', {
    validate: (params: string) => /^video\s+https?:\/\/\S+$/.test(params.trim()),
    render: (
      tokens: { info: string; nesting: number; meta: unknown }[],
      index: number,
      _options: unknown,
      env: VideoEnv | undefined,
    ) => {
      const token = tokens[index]!;
      if (token.nesting !== 1) return '';
      const url = token.info.trim().replace(/^video\s+/, '');
      const title = (token.meta as { title?: string } | null)?.title ?? '';
      const escaped = md.utils.escapeHtml(url);
      const label = labelsFor(lang, env?.labels).video;
      const line = fillLabel(label, { title: md.utils.escapeHtml(title || url) });
      return `<div class="video" data-url="${escaped}"><p>${line} — <a href="${escaped}">${escaped}</a></p></div>\n`;
    },
  });
  md.core.ruler.push('video_titles', videoTitles);
  md.core.ruler.push('attribute_lists', stripAttributeLists);
}

/** A video block's paragraph is its title, printed in the block's own line: kept on the opening token, the rest go. */
function videoTitles(state: StateCore): void {
  const out = [];
  let open: (typeof state.tokens)[number] | undefined;
  for (const token of state.tokens) {
    if (token.type === 'container_video_open') {
      open = token;
      open.meta = { title: '' };
      out.push(token);
    } else if (token.type === 'container_video_close') {
      open = undefined;
    } else if (open) {
      if (token.type === 'inline')
        (open.meta as { title: string }).title = `${(open.meta as { title: string }).title} ${token.content}`.trim();
    } else {
      out.push(token);
    }
  }
  state.tokens = out;
}

function isListLine(token: { type: string; content: string } | undefined): boolean {
  return token?.type === 'text' && /^\{:[^}]*\}$/.test(token.content.trim());
}

// `## Title {#id}`, `## Title {/*id*/}`, a paragraph ending in or made of `{: .lead}`: the attributes go.
function stripAttributeLists(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    // A line of its own inside a paragraph (Kramdown writes the list on the line after the block), with its line break.
    const children = token.children ?? [];
    token.children = children.filter(
      (child, i) => !isListLine(child) && !(child.type === 'softbreak' && isListLine(children[i + 1])),
    );
    const last = token.children.at(-1);
    if (last?.type === 'text') last.content = withoutAttributeList(last.content);
  }
  // A paragraph left empty goes with its tags.
  state.tokens = state.tokens.filter((token, i, all) => {
    const empty = (at: number) =>
      all[at]?.type === 'inline' &&
      (all[at]!.children ?? []).every(
        (child) => (child.type === 'text' && child.content.trim() === '') || child.type === 'softbreak',
      );
    if (token.type === 'paragraph_open') return !empty(i + 1);
    if (token.type === 'inline') return !(all[i - 1]?.type === 'paragraph_open' && empty(i));
    if (token.type === 'paragraph_close') return !(all[i - 2]?.type === 'paragraph_open' && empty(i - 1));
    return true;
  });
}
