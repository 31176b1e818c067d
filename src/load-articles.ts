// Loads every article before any is rendered: front matter, body, images, editorial checks. Milliseconds
// each, so slug clashes are decided by file order rather than by which render finishes first.
import { prepareArticle, type Article } from './article/article.js';
import type { InputLimits } from './article/limits.js';
import { loadArticle } from './article/load-article.js';
import { checkArticle, strictFailure } from './check/check-article.js';
import type { Diagnostic } from './check/diagnostic.js';
import { attributeTo, ImprintError } from './errors.js';

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
export async function loadOne(file: string, limits: InputLimits, { strict, html }: { strict: boolean; html: boolean }): Promise<Loaded> {
  let warnings: Diagnostic[] = [];
  try {
    const source = await loadArticle(file, limits);
    warnings = checkArticle(source);
    const refused = strict ? strictFailure(file, warnings) : undefined;
    if (refused) throw refused;
    return { file, article: await prepareArticle(source, limits, html), warnings };
  } catch (error) {
    return failure(file, error, warnings);
  }
}

/** Loads every article first (milliseconds each), so slug clashes are decided by file order, not by timing. */
export async function loadAll(files: readonly string[], limits: InputLimits, { strict, html }: { strict: boolean; html: boolean }): Promise<Loaded[]> {
  const loaded = await Promise.all(files.map((file) => loadOne(file, limits, { strict, html })));
  const slugOwners = new Map<string, string>();
  return loaded.map((item) => {
    if (!('article' in item)) return item;
    const owner = slugOwners.get(item.article.slug);
    if (!owner) {
      slugOwners.set(item.article.slug, item.file);
      return item;
    }
    const clash = new ImprintError(`slug "${item.article.slug}" is already used by ${owner}`, { file: item.file }, 'Give one of them a different "slug:" in its front matter.');
    return failure(item.file, clash, item.warnings);
  });
}


export function failure(file: string, error: unknown, warnings: Diagnostic[] = []): FailedArticle {
  return { file, ok: false, error: attributeTo(file, error), warnings };
}
