// Build options: the schema is the one place that names each option, its allowed values and its default.
import * as v from 'valibot';
import { defaultLimitsMb } from '../article/limits.js';
import { pageSizeSchema } from '../article/page-size.js';
import { editions } from '../edition.js';
import { defaultMaxMegapixels } from '../images/image-settings.js';
import { builtInStyle, type HouseStyle } from './house-style.js';

export const buildOptionsSchema = v.object({
  outDir: v.optional(v.pipe(v.string(), v.nonEmpty('--out needs a folder')), 'output'),
  formats: v.optional(
    v.pipe(
      v.array(v.picklist(editions, `--formats takes a comma-separated list of: ${editions.join(', ')}`)),
      v.minLength(1, `--formats needs at least one of: ${editions.join(', ')}`),
    ),
    [...editions],
  ),
  /** Overrides every article's own `page`; without it, an article's `page` or A4. */
  page: v.optional(pageSizeSchema),
  /** Browser tabs rendering at once (pages of different articles): three keep two cores busy while a tab waits for a frame or a file. */
  jobs: v.optional(
    v.pipe(
      v.number('--jobs takes a whole number'),
      v.integer('--jobs takes a whole number'),
      v.minValue(1, '--jobs takes a number from 1 to 16'),
      v.maxValue(16, '--jobs takes a number from 1 to 16'),
    ),
    3,
  ),
  /** Raw HTML in Markdown: off (escaped) by default; when on, it is sanitised with an allow-list. */
  html: v.optional(v.boolean(), false),
  /** Download remote photos from any public host into the project's cache (imprint.yaml's images.fetch names hosts). */
  fetchImages: v.optional(v.boolean(), false),
  /** Rebuild every article, even those whose files are up to date. */
  force: v.optional(v.boolean(), false),
  /** Editorial warnings (imprint check) stop an article instead of being printed. */
  strict: v.optional(v.boolean(), false),
  /** Inputs larger than these are refused, in MB. */
  maxArticleMb: v.optional(
    v.pipe(v.number('--max-article-mb takes a number'), v.minValue(0.001, '--max-article-mb must be positive')),
    defaultLimitsMb.article,
  ),
  maxImageMb: v.optional(
    v.pipe(v.number('--max-image-mb takes a number'), v.minValue(0.001, '--max-image-mb must be positive')),
    defaultLimitsMb.image,
  ),
  /** A photo with more pixels than this is refused from its header, before it is decoded. */
  maxImageMegapixels: v.optional(
    v.pipe(
      v.number('--max-image-megapixels takes a number'),
      v.minValue(0.001, '--max-image-megapixels must be positive'),
    ),
    defaultMaxMegapixels,
  ),
  /** Limit for loading one page and for printing it, in milliseconds. */
  timeoutMs: v.optional(
    v.pipe(v.number('--timeout takes a number of seconds'), v.minValue(1000, '--timeout must be at least 1 second')),
    60_000,
  ),
  /** Render on workers of a BullMQ queue at this redis:// URL instead of here (build/queue.ts). */
  queue: v.optional(
    v.pipe(v.string(), v.regex(/^redis:\/\//, '--queue takes a redis:// URL, e.g. redis://127.0.0.1:6379/0')),
  ),
  /** The folder job paths are relative to, the same shared folder on the producer and every worker. */
  root: v.optional(v.string(), '.'),
  /** Build only this machine's part of the articles (by slug hash): index from 1 to count. */
  shard: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+\/\d+$/, '--shard takes I/N, e.g. 2/4'),
      v.transform((value) => ({ index: Number(value.split('/')[0]), count: Number(value.split('/')[1]) })),
      v.check(({ index, count }) => count >= 1 && index >= 1 && index <= count, '--shard takes I/N with 1 ≤ I ≤ N'),
    ),
  ),
  /** imprint.yaml's defaults, labels and theme, loaded and checked (config/load-house-style.ts). */
  style: v.optional(
    v.custom<HouseStyle>((value) => typeof value === 'object' && value !== null),
    builtInStyle,
  ),
});

export type BuildOptions = v.InferOutput<typeof buildOptionsSchema>;
export type BuildOptionsInput = v.InferInput<typeof buildOptionsSchema>;
