// Reads one Markdown file: its front matter (YAML only, validated) and its body, with line numbers kept.
import { basename, dirname, extname, resolve } from 'node:path';
import { ImprintError } from '../errors.js';
import { parseYamlData } from '../yaml-data.js';
import { frontMatterSchema, type ArticleDefaults, type FrontMatter } from './front-matter.js';
import { defaultLimits, type InputLimits } from './limits.js';
import { readSource } from './read-source.js';

export interface SourceArticle {
  /** Path as the user gave it, for messages. */
  path: string;
  /** Folder that relative image paths resolve against. */
  dir: string;
  slug: string;
  meta: FrontMatter;
  body: string;
  /** 1-based line of the file where the body starts, to turn body line numbers into file line numbers. */
  bodyLine: number;
  sourceBytes: Buffer;
}

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** Front matter in another language (---js, ---json, +++ TOML): refused, and never executed. */
const foreignFence = /^(---[ \t]*([a-z]+)|\+\+\+|;;;)[ \t]*\r?\n/i;

/** `defaults` (imprint.yaml's) fill the fields the article's front matter leaves out. */
export async function loadArticle(path: string, limits: InputLimits = defaultLimits, defaults: ArticleDefaults = {}): Promise<SourceArticle> {
  const { bytes: sourceBytes, text } = await readSource(path, limits.maxArticleBytes);
  const match = fence.exec(text);
  if (!match) {
    const foreign = foreignFence.exec(text);
    if (foreign) {
      throw new ImprintError(`front matter must be YAML, not "${foreign[1]}"`, { file: path, line: 1 }, 'Front matter is data, never code: write it as YAML between two --- lines. It was not run.');
    }
    throw new ImprintError('no front matter', { file: path, line: 1 }, 'Start the file with a --- line, YAML fields (title, date, publication), and a closing --- line.');
  }
  // The front matter starts on line 2 of the file (line 1 is the opening ---).
  const meta: FrontMatter = parseYamlData({ text: match[1] ?? '', file: path, what: 'front matter', firstLine: 2, base: defaults }, frontMatterSchema);
  const bodyLine = countLines(match[0]) + 1;
  const slug = meta.slug ?? basename(path, extname(path));
  return { path, dir: dirname(resolve(path)), slug, meta, body: text.slice(match[0].length), bodyLine, sourceBytes };
}

function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
