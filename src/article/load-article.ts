// Reads one Markdown file: its front matter (YAML only, validated) and its body, with line numbers kept.
import { basename, dirname, extname, resolve } from 'node:path';
import * as v from 'valibot';
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { ImprintError } from '../errors.js';
import { frontMatterSchema, knownFields, type FrontMatter } from './front-matter.js';
import { closestWord } from './closest-word.js';
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

export async function loadArticle(path: string, limits: InputLimits = defaultLimits): Promise<SourceArticle> {
  const { bytes: sourceBytes, text } = await readSource(path, limits.maxArticleBytes);
  const match = fence.exec(text);
  if (!match) {
    const foreign = foreignFence.exec(text);
    if (foreign) {
      throw new ImprintError(`front matter must be YAML, not "${foreign[1]}"`, { file: path, line: 1 }, 'Front matter is data, never code: write it as YAML between two --- lines. It was not run.');
    }
    throw new ImprintError('no front matter', { file: path, line: 1 }, 'Start the file with a --- line, YAML fields (title, date, publication), and a closing --- line.');
  }
  const yamlText = match[1] ?? '';
  const meta = parseFrontMatter(yamlText, path);
  const bodyLine = countLines(match[0]) + 1;
  const slug = meta.slug ?? basename(path, extname(path));
  return { path, dir: dirname(resolve(path)), slug, meta, body: text.slice(match[0].length), bodyLine, sourceBytes };
}

/** Front matter starts on line 2 of the file (line 1 is the opening ---). */
const yamlFirstLine = 2;

function parseFrontMatter(yamlText: string, file: string): FrontMatter {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { file, line: yamlFirstLine };
    const { line, col } = lines.linePos(offset);
    return { file, line: line + yamlFirstLine - 1, column: col };
  };

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    throw new ImprintError(`front matter is not valid YAML: ${firstLine(syntaxError.message)}`, at(syntaxError.pos[0]), 'Fix the YAML syntax (quote values that contain ": " or start with a special character).');
  }
  if (!isMap(doc.contents)) {
    throw new ImprintError('front matter must be a list of "field: value" lines', at(0), `Known fields: ${knownFields.join(', ')}.`);
  }

  const pairs = doc.contents.items as Pair[];
  const keyOffset = (key: string) => pairs.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key;
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!knownFields.includes(key)) {
      const guess = closestWord(key, knownFields);
      const hint = guess ? `Did you mean "${guess}"?` : `Known fields: ${knownFields.join(', ')}.`;
      throw new ImprintError(`unknown front matter field "${key}"`, at(isScalar(pair.key) ? pair.key.range?.[0] : undefined), hint);
    }
  }

  const result = v.safeParse(frontMatterSchema, doc.toJS());
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).find((key) => knownFields.includes(key)) ?? '';
  if (issue.received === 'undefined' && issue.path?.length === 1) {
    throw new ImprintError(`front matter is missing the required field "${field}"`, at(0), `Add a line "${field}: …" to the front matter.`);
  }
  const node = keyOffset(field);
  throw new ImprintError(`front matter field "${field}": ${issue.message}`, at(node && isScalar(node) ? node.range?.[0] : undefined));
}

function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** yaml's message without its own YAML-relative "at line N, column M" (we report the file's line instead). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
