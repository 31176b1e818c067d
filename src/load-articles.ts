// Loading articles: one (front matter, body, images, editorial checks), or a whole batch's first pass.
import { prepareArticle, type Article } from './article/article.js';
import type { InputLimits } from './article/limits.js';
import { loadArticle } from './article/load-article.js';
import { checkArticle, strictFailure } from './check/check-article.js';
import type { Diagnostic } from './check/diagnostic.js';
import { attributeTo, ImprintError } from './errors.js';
import type { BuildOptions, Edition } from './options.js';
import { articleFingerprint } from './output/fingerprint.js';
import pLimit from 'p-limit';

export interface LoadedArticle {
  file: string;
  article: Article;
  warnings: Diagnostic[];
}

export interface FailedArticle {
  file: string;
  ok: false;
  error: ImprintError;
  warnings: Diagnostic[];
}

export type Loaded = LoadedArticle | FailedArticle;

/** One article: read, checked (its warnings kept either way), prepared; or why it cannot be built. */
export async function loadOne(file: string, limits: InputLimits, { strict, html, style }: Pick<BuildOptions, 'strict' | 'html' | 'style'>): Promise<Loaded> {
  let warnings: Diagnostic[] = [];
  try {
    const source = await loadArticle(file, limits, style.defaults);
    warnings = checkArticle(source);
    const refused = strict ? strictFailure(file, warnings) : undefined;
    if (refused) throw refused;
    return { file, article: await prepareArticle(source, limits, html), warnings };
  } catch (error) {
    return failure(file, error, warnings);
  }
}

export interface PlannedArticle {
  file: string;
  slug: string;
  /** The editions it gets: --formats, narrowed by the article's own `editions`. */
  editions: Edition[];
  /** What its editions are made from (see output/fingerprint.ts). */
  fingerprint: string;
  warnings: Diagnostic[];
}

export type Planned = PlannedArticle | FailedArticle;

/**
 * The batch's first pass: every article loaded and checked (milliseconds each) before any is rendered, so
 * input errors come first and slug clashes are decided by file order, not by timing. Only what the build
 * needs later is kept: a batch of thousands is never held in memory.
 */
export async function planBatch(files: readonly string[], limits: InputLimits, options: BuildOptions, buildPrint: string): Promise<Planned[]> {
  const limit = pLimit(8);
  const planned = await Promise.all(
    files.map((file) =>
      limit(async (): Promise<Planned> => {
        const item = await loadOne(file, limits, options);
        if (!('article' in item)) return item;
        const { article, warnings } = item;
        const editions = options.formats.filter((edition) => article.meta.editions?.includes(edition) ?? true);
        return { file, slug: article.slug, editions, fingerprint: await articleFingerprint(article, buildPrint, editions), warnings };
      }),
    ),
  );
  const slugOwners = new Map<string, string>();
  return planned.map((item) => {
    if (!('slug' in item)) return item;
    const owner = slugOwners.get(item.slug);
    if (!owner) {
      slugOwners.set(item.slug, item.file);
      return item;
    }
    const clash = new ImprintError(`slug "${item.slug}" is already used by ${owner}`, { file: item.file }, 'Give one of them a different "slug:" in its front matter.');
    return failure(item.file, clash, item.warnings);
  });
}

export function failure(file: string, error: unknown, warnings: Diagnostic[] = []): FailedArticle {
  return { file, ok: false, error: attributeTo(file, error), warnings };
}
