// One article published: loaded again (a batch of thousands is never held in memory), its editions rendered
// and written, and the result the build reports and the manifest records; a render that fails for a reason
// other than the input (a crash, a hang) tried once more on a fresh browser. An article whose files are up to
// date is reported from the manifest instead.
import { join } from 'node:path';
import { type Edition, needsBrowser } from '../edition.js';
import { articlePublication } from '../editions/publication.js';
import { renderEditions } from '../editions/render.js';
import { ImprintError } from '../errors.js';
import { articleSummary, type Manifest, sha256 } from '../output/manifest.js';
import type { BrowserHold } from '../render/browser.js';
import { type ArticleResult, type BuildContext, writeRendered } from './build-result.js';
import { failure, loadOne, type PlannedArticle } from './load-articles.js';
import { explainRenderFailure, internalError, interrupted, isBrowserFailure } from './render-failures.js';

/** A render that fails for a reason other than the input (a crash, a hang) is tried once more. */
export async function publishWithRetry(item: PlannedArticle, context: BuildContext): Promise<ArticleResult> {
  const { file, warnings } = item;
  const { signal, onStart, onRetry } = context.hooks;
  if (signal?.aborted) return failure(file, interrupted(), warnings);
  onStart?.(file);
  // An article whose editions need no browser (EPUBs alone) never asks for one, so none is launched for it.
  const browserless = !needsBrowser(item.editions);
  const held = browserless ? undefined : context.browsers.hold();
  try {
    return await publish(item, held, context);
  } catch (first) {
    if (signal?.aborted) return failure(file, interrupted(), warnings);
    if (browserless || !isBrowserFailure(first))
      return failure(file, first instanceof ImprintError ? first : internalError(first), warnings);
    onRetry?.(file, first instanceof Error ? first.message.split('\n')[0]! : String(first));
    await context.browsers.replaceIfUnwell(held!.tabs);
    try {
      return await publish(item, context.browsers.hold(), context);
    } catch (second) {
      return failure(
        file,
        signal?.aborted ? interrupted() : explainRenderFailure(second, context.options.timeoutMs),
        warnings,
      );
    }
  }
}

/** Renders and writes the article; `held` (the browser) is released once its print page is done, or it fails. */
async function publish(
  item: PlannedArticle,
  held: BrowserHold | undefined,
  context: BuildContext,
): Promise<ArticleResult> {
  try {
    return await publishHeld(item, held, context);
  } finally {
    held?.release();
  }
}

async function publishHeld(
  item: PlannedArticle,
  held: BrowserHold | undefined,
  context: BuildContext,
): Promise<ArticleResult> {
  const { options, limits, workDir, hooks } = context;
  // Loaded again rather than kept from the first pass: a batch of thousands is never held in memory.
  const loaded = await loadOne(item.file, limits, options, 'copy');
  if ('draft' in loaded) throw new Error(`${item.file} became a draft during the build`);
  if (!('article' in loaded)) return loaded;
  const { article, warnings } = loaded;
  const editions = await renderEditions(articlePublication(article, options.style), item.editions, {
    tabs: held?.tabs,
    doneWithTabs: held?.release,
    workDir,
    page: options.page ?? article.meta.page ?? 'a4',
    style: options.style,
  });
  if (hooks.signal?.aborted) throw interrupted();
  const written = await writeRendered(
    editions,
    join(options.outDir, article.slug),
    context.recorder?.beforeReplacing(article.slug),
  );
  return {
    file: item.file,
    ok: true,
    status: 'built',
    slug: article.slug,
    sourceSha256: sha256(article.sourceBytes),
    fingerprint: item.fingerprint,
    summary: articleSummary(article),
    written,
    warnings,
  };
}

/** An article whose files a previous build made from the same inputs: reported from the manifest. */
export function unchanged(item: PlannedArticle, previous: Manifest, outDir: string): ArticleResult {
  const entry = previous.articles[item.slug]!;
  const written = entry.editions.map((edition) => ({
    ...edition,
    edition: edition.edition as Edition,
    path: join(outDir, edition.path),
  }));
  return {
    file: item.file,
    ok: true,
    status: 'unchanged',
    slug: item.slug,
    sourceSha256: entry.source.sha256,
    fingerprint: item.fingerprint,
    summary: entry.article,
    written,
    warnings: item.warnings,
  };
}
