// MDX (React's, Docusaurus' and Astro's posts) → imprint's Markdown, read with the MDX parser itself (micromark's
// mdxjs extension) so a component, an expression or an import is found where MDX finds it. Components whose
// meaning is plain become imprint's blocks: <Intro> the standfirst; <Note>, <Tip>, <DeepDive>… an aside with its
// title; <YouTubeIframe>, <iframe>, <video> a "Video: title — URL" block. Any other component keeps its text and
// loses its tags (named in a note); imports, exports and expressions ({/*id*/} heading anchors) never print.
// Each change keeps the body's line count where it can, and says where each line came from, so messages
// still point at the file's lines.
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { BodyError } from './body-error.js';
import { inlineText } from './inline-text.js';

export interface MdxReading {
  /** The body as imprint's Markdown. */
  markdown: string;
  /** For each line of `markdown`, the line of the written body it came from. */
  writtenLines: number[];
  /** The text of its <Intro>, the article's standfirst, if it has one. */
  standfirst: string | undefined;
  /** Components that have no meaning in print, by name: their text is kept, their tags are not. */
  unknownComponents: string[];
}

/** Components that are an aside, by name; `title` or the first heading inside is its title. */
const asides = new Set([
  'Note',
  'Tip',
  'Info',
  'Warning',
  'Caution',
  'Danger',
  'Important',
  'Pitfall',
  'DeepDive',
  'Callout',
  'Admonition',
  'Aside',
  'Sidenote',
]);
const videos = new Set([
  'YouTubeIframe',
  'YouTube',
  'Youtube',
  'Video',
  'Vimeo',
  'iframe',
  'video',
  'LiteYouTubeEmbed',
]);
const intros = new Set(['Intro', 'Lead', 'Standfirst']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function readMdx(written: string): MdxReading {
  const body = written.split('\n').map(withoutAttributeList).join('\n');
  let tree: Root;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    throw new BodyError(
      `not valid MDX: ${reason ?? String(error)}`,
      Math.max(0, (line ?? 1) - 1),
      'MDX is Markdown with JSX: close every component tag, and write { and < in text as \\{ and &lt;.',
    );
  }
  const edits: Edit[] = [];
  const unknown = new Set<string>();
  let standfirst: string | undefined;
  const source = (node: Nodes) => body.slice(node.position!.start.offset, node.position!.end.offset);
  // Blank lines instead of what is removed, so the lines after it keep their numbers.
  const remove = (node: Nodes, keep = '') => {
    edits.push({
      start: node.position!.start.offset!,
      end: node.position!.end.offset!,
      text: keep + '\n'.repeat(Math.max(0, newlines(source(node)) - newlines(keep))),
    });
  };

  const visit = (node: Nodes): void => {
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
      return remove(node);
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') {
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
      return;
    }
    const name = node.name ?? '';
    const attrs = attributes(node.attributes);
    const flow = node.type === 'mdxJsxFlowElement';
    if (intros.has(name)) {
      standfirst ??= inlineText(node.children.map((child) => source(child as Nodes)).join(' ')) || undefined;
      return remove(node);
    }
    if (videos.has(name)) {
      const url = videoUrl(attrs);
      if (!url) return remove(node);
      const title =
        attrs.title ?? (inlineText(node.children.map((child) => source(child as Nodes)).join(' ')) || undefined);
      return remove(node, `${flow ? '\n' : ''}::: video ${url}\n${title ?? ''}\n:::\n`);
    }
    if (name === 'img' && attrs.src)
      return remove(node, `![${(attrs.alt ?? '').replace(/[[\]]/g, '')}](<${attrs.src}>)`);
    const [open, close] = tagRanges(body, node.position!.start.offset!, node.position!.end.offset!);
    if (flow && asides.has(name)) {
      let title = attrs.title;
      const first = node.children[0];
      if (title === undefined && first?.type === 'heading') {
        // Its words, not its anchor: an expression written onto the heading is left out.
        title = inlineText(
          first.children
            .filter((child) => (child.type as string) !== 'mdxTextExpression')
            .map((child) => source(child as Nodes))
            .join(''),
        );
        remove(first);
      }
      edits.push({
        start: open.start,
        end: open.end,
        text: `::: aside ${title ?? ''}`.trimEnd() + (body[open.end] === '\n' ? '' : '\n'),
      });
      if (close)
        edits.push({ start: close.start, end: close.end, text: `${body[close.start - 1] === '\n' ? '' : '\n'}:::` });
    } else {
      if (/^[A-Z]/.test(name)) unknown.add(name);
      edits.push({ start: open.start, end: open.end, text: '' });
      if (close) edits.push({ start: close.start, end: close.end, text: '' });
    }
    for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);

  const { markdown, writtenLines } = applyEdits(body, edits);
  return { markdown, writtenLines, standfirst, unknownComponents: [...unknown] };
}

/**
 * A line without its heading id or Kramdown attribute list: not MDX, and stripped first, as Docusaurus does
 * for `{#id}`. Found from the line's end, not by a pattern that would backtrack over a long heading's spaces.
 */
function withoutAttributeList(written: string): string {
  // A file saved with CRLF: the \r stays at the line's end.
  const cr = written.endsWith('\r') ? '\r' : '';
  const line = cr ? written.slice(0, -1) : written;
  return withoutAttributeListIn(line) + cr;
}

function withoutAttributeListIn(line: string): string {
  if (/^[ \t]*\{:[^}]*\}[ \t]*$/.test(line)) return '';
  const marker = /^[ \t]{0,3}#{1,6}[ \t]/.exec(line)?.[0];
  if (!marker) return line;
  const at = line.lastIndexOf('{#');
  if (at < 0 || !/^\{#[\w:.-]+\}[ \t]*$/.test(line.slice(at))) return line;
  let end = at;
  while (end > marker.length && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/**
 * The body with its edits made (they never overlap), and for each line of the result the line of the body it
 * came from: an edit that needs more lines than it replaces (a self-closing <YouTube /> becomes a video block
 * of four) gives its extra lines its own last line, so messages about later lines still name the file's.
 */
function applyEdits(body: string, edits: Edit[]): { markdown: string; writtenLines: number[] } {
  const parts: string[] = [];
  const writtenLines = [0];
  let line = 0;
  let at = 0;
  const keep = (text: string) => {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) writtenLines.push(++line);
    parts.push(text);
  };
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    keep(body.slice(at, edit.start));
    const replaced = newlines(body.slice(edit.start, edit.end));
    for (let added = 1; added <= newlines(edit.text); added++) writtenLines.push(line + Math.min(added, replaced));
    line += replaced;
    parts.push(edit.text);
    at = edit.end;
  }
  keep(body.slice(at));
  return { markdown: parts.join(''), writtenLines };
}

function newlines(text: string): number {
  return text.split('\n').length - 1;
}

/** The string-valued attributes (an expression's value is code, and never run). */
function attributes(list: readonly (MdxJsxAttribute | MdxJsxExpressionAttribute)[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const attribute of list)
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string')
      found[attribute.name] = attribute.value;
  return found;
}

/** A video's address to print: its src or url, or YouTube's watch address for an id. */
function videoUrl(attrs: Record<string, string>): string | undefined {
  const direct = attrs.src ?? attrs.url ?? attrs.href;
  if (direct && /^https?:\/\//.test(direct))
    return direct.replace(
      /^https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\/([\w-]+).*$/,
      'https://www.youtube.com/watch?v=$1',
    );
  const id = attrs.id ?? attrs.videoId ?? attrs.videoid;
  return id && /^[\w-]+$/.test(id) ? `https://www.youtube.com/watch?v=${id}` : undefined;
}

/**
 * Where an element's opening tag ends and its closing tag begins (undefined when it closes itself), found by
 * reading past quoted values and {…} expressions, which may hold a ">".
 */
function tagRanges(
  body: string,
  start: number,
  end: number,
): [{ start: number; end: number }, { start: number; end: number } | undefined] {
  let depth = 0;
  let quote = '';
  let openEnd = end;
  for (let i = start + 1; i < end; i++) {
    const char = body[i]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '>' && depth === 0) {
      openEnd = i + 1;
      break;
    }
  }
  if (body[openEnd - 2] === '/') return [{ start, end: openEnd }, undefined];
  const closeStart = body.lastIndexOf('</', end - 1);
  return [{ start, end: openEnd }, closeStart >= openEnd ? { start: closeStart, end } : undefined];
}
