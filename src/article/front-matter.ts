// The front matter schema: the single source of truth for which fields exist, their types and defaults.
import * as v from 'valibot';

import { editions } from '../edition.js';
import { readDate } from './dates.js';
import { pageSizeSchema } from './page-size.js';

const text = (field: string) =>
  v.pipe(v.string(`${field} must be text`), v.trim(), v.nonEmpty(`${field} must not be empty`));

/** One name or a list of names; always a list afterwards. */
const oneOrMany = (field: string) =>
  v.pipe(
    v.union([text(field), v.array(text(field))], `${field} must be text or a list of text`),
    v.transform((value) => (Array.isArray(value) ? value : [value])),
  );

/** By the time the schema sees it, a date imprint could read is YYYY-MM-DD (site-generator.ts); any other says why not. */
const calendarDate = v.pipe(
  v.string('date must be written as YYYY-MM-DD, e.g. 2024-04-17'),
  v.check(isIsoDay, (issue) => {
    const reading = readDate(issue.input);
    return reading.ok ? 'date must be written as YYYY-MM-DD, e.g. 2024-04-17' : reading.problem;
  }),
);

function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && readDate(value).ok;
}

export const frontMatterSchema = v.strictObject({
  title: text('title'),
  subtitle: v.optional(text('subtitle')),
  date: calendarDate,
  publication: text('publication'),
  byline: v.optional(oneOrMany('byline'), []),
  /** Who translated it: a "Translated by" credit in every edition, an EPUB contributor with the role trl. */
  translators: v.optional(oneOrMany('translators'), []),
  source: v.optional(
    v.pipe(
      text('source'),
      v.url('source must be a full URL'),
      v.regex(/^https?:\/\//, 'source must be an http(s) URL'),
    ),
  ),
  /** Without it (here or in imprint.yaml's defaults) the language is read from the text (detect-language.ts). */
  lang: v.optional(
    v.pipe(
      text('lang'),
      v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'lang must be a language tag such as en or pt-BR'),
    ),
  ),
  slug: v.optional(
    v.pipe(text('slug'), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be lower-case words joined by hyphens')),
  ),
  description: v.optional(text('description')),
  tags: v.optional(v.array(text('tag'), 'tags must be a list'), []),
  credits: v.optional(oneOrMany('credits'), []),
  rights: v.optional(text('rights')),
  page: v.optional(pageSizeSchema),
  /** Which editions this article has (default: all); --formats can narrow it further, never widen it. */
  editions: v.optional(
    v.array(
      v.picklist(editions, `editions must be a list of: ${editions.join(', ')}`),
      `editions must be a list of: ${editions.join(', ')}`,
    ),
  ),
});

/** The front matter as the build uses it: the language always known, written or detected. */
export type FrontMatter = Omit<v.InferOutput<typeof frontMatterSchema>, 'lang'> & { lang: string };
export const knownFields = Object.keys(frontMatterSchema.entries);

/**
 * imprint.yaml's `defaults:`: any field but those that identify one article. Checked with the article's
 * own rules where it is written; kept as written, and checked again as part of each article's front matter.
 */
export const articleDefaultsSchema = v.partial(v.omit(frontMatterSchema, ['title', 'date', 'slug']));
export type ArticleDefaults = Record<string, unknown>;
