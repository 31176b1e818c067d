// Hugo shortcodes, as real archives hold them. `{{< figure src caption attr alt >}}` becomes an imprint figure
// (attr is the photo credit); `{{< relref "post" >}}` becomes the linked article's title, and a Markdown link
// to one keeps only its text (a site's internal link means nothing on paper); every other shortcode is left
// out of the editions, and `imprint check` names it (rule `shortcode`). Paired shortcodes keep what they wrap.
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline } from './markdown-types.js';

// Each pattern has one way to match a run of spaces or of brackets, so that none backtracks over a long one
// (an unclosed "{{< a" and 100 kB of spaces, a line of "["); the arguments are trimmed after.
const shortcodeAt = /\{\{([<%])\s*(\/?)\s*([\w.-]+)([\s\S]*?)\1?[%>]\}\}/y;
const shortcodeLine = /^\{\{([<%])\s*(\/?)\s*([\w.-]+)(.*?)[%>]\}\}$/;
const relrefLink = /\[([^[\]]*)\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+[^}]*?[%>]\}\}\s*\)/g;
const relrefCall = /\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s}]+)"?\s*[%>]\}\}/g;

/** Titles of the articles `relref` points at, looked up before rendering (see relrefTargets). */
export interface ShortcodeEnv {
  relrefTitles?: Record<string, string>;
}

export interface ShortcodeMeta {
  name: string;
}

/** The targets of the bare relref / ref shortcodes in a body (not those that are a link's destination). */
export function relrefTargets(body: string): string[] {
  return [...body.replace(relrefLink, '').matchAll(relrefCall)].map((match) => match[1]!);
}

export function shortcodePlugin(md: MarkdownIt): void {
  // A link whose destination is a relref keeps its text; the line count stays, so lines stay right.
  md.core.ruler.before('block', 'shortcode_links', (state: StateCore) => {
    state.src = state.src.replace(relrefLink, '$1');
  });
  md.block.ruler.before('paragraph', 'shortcode_block', shortcodeBlock, { alt: ['paragraph'] });
  md.inline.ruler.before('text', 'shortcode_inline', shortcodeInline);
  md.renderer.rules.shortcode = () => '';
}

function shortcodeBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  const match = shortcodeLine.exec(line.trim());
  if (!match) return false;
  if (silent) return true;
  const [, , closing, name, args] = match.map((part) => part?.trim());
  const map: [number, number] = [startLine, startLine + 1];
  if (name === 'figure' && !closing) {
    // As if written `::: figure`: the figure rule then shapes it, credit and all.
    const attrs = attributes(args ?? '');
    const caption = [attrs.caption ?? attrs.title, attrs.attr && `**${attrs.attr}**`].filter(Boolean).join(' ');
    const open = state.push('container_figure_open', 'div', 1);
    open.map = map;
    open.block = true;
    state.push('paragraph_open', 'p', 1).map = map;
    const inline = state.push('inline', '', 0);
    inline.content = `![${(attrs.alt ?? '').replace(/[[\]]/g, '')}](<${attrs.src ?? ''}>)${caption ? `\n${caption}` : ''}`;
    inline.map = map;
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
    state.push('container_figure_close', 'div', -1).block = true;
  } else {
    const token = state.push('shortcode', '', 0);
    token.map = map;
    token.block = true;
    token.meta = { name: `${closing ?? ''}${name}` } satisfies ShortcodeMeta;
  }
  state.line = startLine + 1;
  return true;
}

function shortcodeInline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || state.src.charCodeAt(state.pos + 1) !== 0x7b) return false;
  // No "%}}" or ">}}" after this point: nothing can close, and the pattern would scan to the end from every "{{".
  if (state.pos > lastClose(state)) return false;
  shortcodeAt.lastIndex = state.pos;
  const match = shortcodeAt.exec(state.src);
  if (!match) return false;
  if (!silent) {
    const [, , closing, name, args] = match.map((part) => part?.trim());
    if ((name === 'relref' || name === 'ref') && !closing) {
      const target = /"?([^"\s]+)"?/.exec((args ?? '').trim())?.[1] ?? '';
      const titles = (state.env as ShortcodeEnv).relrefTitles ?? {};
      state.push('text', '', 0).content = titles[target] ?? titleFromPath(target);
    } else {
      state.push('shortcode', '', 0).meta = { name: `${closing ?? ''}${name}` } satisfies ShortcodeMeta;
    }
  }
  state.pos += match[0].length;
  return true;
}

/** Where the last "%}}" or ">}}" of an inline run ends, found once per run. */
const lastCloses = new WeakMap<StateInline, number>();
function lastClose(state: StateInline): number {
  let found = lastCloses.get(state);
  if (found === undefined)
    lastCloses.set(state, (found = Math.max(state.src.lastIndexOf('%}}'), state.src.lastIndexOf('>}}'))));
  return found;
}

/** `src="a.jpg" caption="A harbour" attr='AP'` → { src, caption, attr }. */
function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, key, double, single, bare] of text.matchAll(/(?<![\w-])([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g))
    found[key!] = double ?? single ?? bare ?? '';
  return found;
}

/** "posts/the-harbour-reopens.md" → "the harbour reopens", when the linked article cannot be read. */
export function titleFromPath(target: string): string {
  const segments = target
    .replace(/\/(index|_index)\.md$/, '')
    .replace(/\.md$/, '')
    .split('/')
    .filter(Boolean);
  return (segments.at(-1) ?? target).replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ');
}
