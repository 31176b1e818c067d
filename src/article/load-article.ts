// Reads one Markdown file: its front matter (YAML between --- lines, or Hugo's TOML between +++ lines,
// validated) and its body, with line numbers kept. A file without front matter whose first block is a
// level-1 heading is an article too (first-heading.ts), dated by its file name or its last commit.
import { basename, dirname, extname, resolve } from 'node:path';
import type * as v from 'valibot';
import { parseTomlData } from '../data/toml-data.js';
import { parseYamlData } from '../data/yaml-data.js';
import { ImprintError } from '../errors.js';
import { BodyError } from './body-error.js';
import { lastCommitDate } from './commit-date.js';
import { detectLanguage } from './detect-language.js';
import { firstHeading } from './first-heading.js';
import { type ArticleDefaults, type FrontMatter, frontMatterSchema } from './front-matter.js';
import { type BylinePerson, bylineNames, bylinePeople } from './inline-text.js';
import { defaultLimits, type InputLimits } from './limits.js';
import { looksLikeMdx } from './looks-like-mdx.js';
import type { MdxReading } from './mdx.js';
import { readSource } from './read-source.js';
import { type Adapted, adaptFrontMatter, datedFileName, type FieldRules, leadFigure } from './site-generator.js';

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
  /** For a body rewritten from MDX: the line of the written body each of its lines came from (see fileLineOf). */
  bodyLines?: readonly number[];
  sourceBytes: Buffer;
  /** The date as written when it had a time of day (ISO 8601). */
  dateTime: string | undefined;
  /** `draft: true` or `published: false`: not to be published. */
  draft: boolean;
  /** Site-generator fields that were left out (see site-generator.ts). */
  ignoredFields: string[];
  /** Fields nothing knows (neither imprint nor a site generator), left out. */
  unknownFields: string[];
  /** The site's address (imprint.yaml's `site:`), else the origin of its source, for links written as site paths. */
  site: string | undefined;
  /** What was read in a way the author may not expect (the language detected from the text). */
  notes: string[];
  /** The byline's names that were written as links to web pages, with the linked words and the address. */
  bylineLinks: Record<string, NonNullable<BylinePerson['link']>>;
}

const fences = [
  { pattern: /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/, parse: parseYamlData },
  { pattern: /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/, parse: parseTomlData },
];
/** Front matter in a programming language (---js, ---json, ---coffee) or JSON: refused, and never executed. */
const foreignFence = /^(---[ \t]*([a-z]+)|;;;)[ \t]*\r?\n/i;

/**
 * `defaults` (imprint.yaml's) fill the fields the article's front matter leaves out; `fields` names more
 * site-generator fields to map or leave out.
 */
export async function loadArticle(
  path: string,
  limits: InputLimits = defaultLimits,
  defaults: ArticleDefaults = {},
  fields: FieldRules = {},
  site?: string,
): Promise<SourceArticle> {
  const { bytes: sourceBytes, text } = await readSource(path, limits.maxArticleBytes);
  const stem = basename(path, extname(path));
  const fence = fences.find(({ pattern }) => pattern.test(text));
  const match = fence?.pattern.exec(text);
  const heading = match ? undefined : firstHeading(text);
  if (!match && !heading) {
    const foreign = foreignFence.exec(text);
    if (foreign) {
      throw new ImprintError(
        `front matter must be YAML or TOML, not "${foreign[1]}"`,
        { file: path, line: 1 },
        'Front matter is data, never code: write it as YAML between two --- lines. It was not run.',
      );
    }
    throw new ImprintError(
      'no front matter',
      { file: path, line: 1 },
      'Start the file with a level-1 heading (# Title), or with a --- line, YAML fields (title, date, publication), and a closing --- line.',
    );
  }
  // The date comes from the front matter, else the file name, else the file's last commit (asked only then).
  const written = match?.[1] ?? '';
  const fallbackDate =
    datedFileName.test(stem) || /^date\s*[:=]/m.test(written) ? undefined : await lastCommitDate(path);
  const rules: FieldRules = {
    ...fields,
    lang: typeof defaults.lang === 'string' ? defaults.lang : undefined,
    fallbackDate,
  };
  let adapted: Adapted | undefined;
  const adapt = (data: Record<string, unknown>) =>
    (adapted = adaptFrontMatter(heading ? { title: heading.title } : data, stem, rules)).fields;
  let parsed: v.InferOutput<typeof frontMatterSchema>;
  try {
    // The front matter starts on line 2 of the file (line 1 is the opening --- or +++).
    parsed = (fence?.parse ?? parseYamlData)(
      {
        text: written,
        file: path,
        what: 'front matter',
        firstLine: match ? 2 : 1,
        base: defaults,
        adapt,
        liftedTables: ['params'],
      },
      frontMatterSchema,
    );
  } catch (error) {
    if (error instanceof ImprintError && error.message.endsWith('the required field "date"')) {
      throw new ImprintError(
        heading ? 'no date: the file has no front matter, and neither its name nor git gives one' : error.message,
        error.location,
        `Add "date: 2024-04-17" to its front matter, start its file name with the date (2024-04-17-${stem}.md), or commit it to git.`,
      );
    }
    throw error;
  }
  const { lead, dateTime, draft, ignored, unknown } = adapted!;
  const people = parsed.byline.flatMap(bylinePeople);
  const meta0 = {
    ...parsed,
    byline: people.map((person) => person.name),
    translators: parsed.translators.flatMap(bylineNames),
  };
  let body = text.slice(match ? match[0].length : heading!.length);
  const notes: string[] = [];
  if (heading)
    notes.push(
      `${path}: no front matter; its first heading is its title${fallbackDate ? `, its date that of its last commit (${fallbackDate})` : ''}`,
    );
  else if (fallbackDate && meta0.date === fallbackDate && !/^date\s*[:=]/m.test(written))
    notes.push(`${path}: no date given; dated ${fallbackDate}, its last commit`);
  let lang = meta0.lang;
  if (lang === undefined) {
    const detected = detectLanguage(`${meta0.title}\n${meta0.subtitle ?? ''}\n${body}`);
    lang = detected.lang;
    notes.push(
      detected.sure
        ? `${path}: no lang given; the text reads as ${lang} (${languageName(lang)}), used for every edition; set lang: in its front matter or imprint.yaml's defaults if that is wrong`
        : `${path}: no lang given and too little text to tell; set as en (English); set lang: in its front matter or imprint.yaml's defaults`,
    );
  }
  let bodyLine = countLines(match ? match[0] : text.slice(0, heading!.length)) + 1;
  const mdx =
    extname(path) === '.mdx' || looksLikeMdx(body) ? await readComponents(body, path, bodyLine, notes) : undefined;
  if (mdx) body = mdx.markdown;
  const meta: FrontMatter = {
    ...meta0,
    lang,
    ...(meta0.subtitle === undefined && mdx?.standfirst !== undefined && { subtitle: mdx.standfirst }),
  };
  // The lead photo opens the body as its first figure, unless the body shows it already.
  let bodyLines = mdx?.writtenLines;
  if (lead && !body.includes(basename(lead.src.split(/[?#]/)[0]!))) {
    const figure = leadFigure(lead);
    const figureLines = countLines(figure);
    body = figure + body;
    bodyLine -= figureLines;
    bodyLines &&= [...Array.from({ length: figureLines }, (_, i) => i), ...bodyLines.map((n) => n + figureLines)];
  }
  return {
    path,
    dir: dirname(resolve(path)),
    slug: meta.slug ?? slugFromPath(path),
    meta,
    body,
    bodyLine,
    ...(bodyLines && { bodyLines }),
    sourceBytes,
    dateTime,
    draft,
    ignoredFields: ignored,
    unknownFields: unknown,
    site: site ?? (meta.source && new URL(meta.source).origin),
    notes,
    bylineLinks: Object.fromEntries(people.flatMap((person) => (person.link ? [[person.name, person.link]] : []))),
  };
}

/** The line of the file a line of the article's body (0-based) was written on. */
export function fileLineOf(source: Pick<SourceArticle, 'bodyLine' | 'bodyLines'>, bodyLine: number): number {
  const lines = source.bodyLines;
  if (!lines || lines.length === 0) return source.bodyLine + bodyLine;
  const last = lines.length - 1;
  return source.bodyLine + (bodyLine <= last ? lines[bodyLine]! : lines[last]! + bodyLine - last);
}

/**
 * An MDX body (or Markdown written with MDX's components) as imprint's Markdown. A .mdx file must be valid
 * MDX; a .md file that is not is read as Markdown, with a note.
 */
async function readComponents(
  body: string,
  path: string,
  bodyLine: number,
  notes: string[],
): Promise<MdxReading | undefined> {
  // The MDX parser (micromark's mdxjs, acorn) loads only for a body that has components: ~0.1 s a cold build saves.
  const { readMdx } = await import('./mdx.js');
  try {
    const reading = readMdx(body);
    if (reading.unknownComponents.length > 0) {
      notes.push(
        `${path}: components with no meaning in print kept their text and lost their tags: ${reading.unknownComponents.map((name) => `<${name}>`).join(', ')}`,
      );
    }
    return reading;
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    if (extname(path) === '.mdx')
      throw new ImprintError(error.message, { file: path, line: bodyLine + error.bodyLine }, error.hint);
    notes.push(
      `${path}:${bodyLine + error.bodyLine}: read as Markdown, not MDX (${error.message}); its component tags print as written`,
    );
    return undefined;
  }
}

/** A page bundle (<slug>/index.md) is named by its folder; a Jekyll post (2011-03-14-title.md) by its title part. */
function slugFromPath(path: string): string {
  const stem = basename(path, extname(path));
  const name = stem === 'index' ? basename(dirname(resolve(path))) : (datedFileName.exec(stem)?.[2] ?? stem);
  // A folder or file name as a URL-safe slug: lower case, words joined by hyphens (letters of any script).
  return (
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || stem
  );
}

function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** "fa" → "Persian", in English, for notes. */
function languageName(lang: string): string {
  return new Intl.DisplayNames('en', { type: 'language' }).of(lang) ?? lang;
}
