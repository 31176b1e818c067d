// The build, top to bottom: find articles → a first pass that loads and checks them all (keeping only their
// fingerprints) → skip those whose files are up to date → load each remaining article again, render its
// editions in memory on a pool of reused browser tabs → write them atomically → record them in the manifest.
// One browser for the whole build (replaced if it dies or freezes); a failed article writes nothing and the
// others still build. Collections (.yaml paths) are built after the articles (collection/); with --queue the
// articles are rendered by the queue's workers instead of here (queue/); with --shard only this machine's part.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Browser } from 'puppeteer-core';
import type { InputLimits } from './article/limits.js';
import type { Diagnostic } from './check/diagnostic.js';
import { renderEditions, type RenderedEdition } from './editions/render-editions.js';
import { webFileNames } from './editions/web.js';
import { ImprintError } from './errors.js';
import { publishCollection } from './collection/build-collection.js';
import { isCollectionFile } from './collection/collection-file.js';
import { findArticles } from './find-articles.js';
import { failure, loadOne, planBatch, type FailedArticle, type PlannedArticle } from './load-articles.js';
import type { BuildOptions, Edition } from './options.js';
import { buildFingerprint } from './output/fingerprint.js';
import { downloadPageName, renderDownloadPage } from './output/download-page.js';
import { articleSummary, mergeManifest, readManifest, sha256, shardManifestName, writeManifest, type ArticleSummary, type CollectionMember, type Manifest } from './output/manifest.js';
import { isUpToDate } from './output/verify.js';
import { writeAtomic } from './output/write-atomic.js';
import { browserHandle, type BrowserHandle } from './render/browser.js';
import type { TabPool } from './render/tab-pool.js';
import { explainRenderFailure, internalError, interrupted, isBrowserFailure } from './render-failures.js';

export interface WrittenFile {
  edition: Edition;
  path: string;
  bytes: number;
  /** Pages, for the PDF editions. */
  pages?: number;
  sha256: string;
  /** A file the web page shows (an image, a thumbnail) rather than an edition in itself. */
  asset?: boolean;
}

export type ArticleResult =
  | { file: string; ok: true; status: 'built' | 'unchanged'; slug: string; sourceSha256: string; fingerprint: string; summary: ArticleSummary | undefined; written: WrittenFile[]; warnings: Diagnostic[]; members?: CollectionMember[] }
  | FailedArticle;

export interface BuildHooks {
  /** A browser the caller launched (and will close); without it the build launches and closes its own. */
  browser?: Promise<Browser>;
  /** After the first pass: how many articles there are, and how many of them are up to date already. */
  onPlan?: (plan: { total: number; unchanged: number }) => void;
  /** An article's rendering begins. */
  onStart?: (file: string) => void;
  /** An article is tried again after a browser failure (a crash, a hang), and why. */
  onRetry?: (file: string, reason: string) => void;
  /** Something left out or read differently, said once (a folder's README, a draft, site-generator fields). */
  onNote?: (note: string) => void;
  /** Called once per article, in file order. */
  onResult?: (result: ArticleResult) => void;
  /** Aborting stops the build: no new article starts, and the ones under way are not written. */
  signal?: AbortSignal;
}

export interface BuildContext {
  options: BuildOptions;
  limits: InputLimits;
  browsers: BrowserHandle;
  workDir: string;
  hooks: BuildHooks;
}

export async function build(paths: readonly string[], options: BuildOptions, hooks: BuildHooks = {}): Promise<ArticleResult[]> {
  const limits = { maxArticleBytes: options.maxArticleMb * 1e6, maxImageBytes: options.maxImageMb * 1e6 };
  // A .yaml path is a collection, built after the articles (see collection/); the rest are articles.
  const collections = paths.filter(isCollectionFile);
  const articlePaths = paths.filter((path) => !isCollectionFile(path));
  const found = articlePaths.length > 0 ? await findArticles(articlePaths) : { files: [], notes: [] };
  const buildPrint = await buildFingerprint(options);
  const { planned: all, notes } = await planBatch(found.files, limits, options, buildPrint);
  const planned = options.shard ? all.filter((item) => inShard('slug' in item ? item.slug : item.file, options.shard!)) : all;
  for (const note of [...found.notes, ...notes]) hooks.onNote?.(note);
  const previous = await readManifest(options.outDir, options.shard && shardManifestName(options.shard));
  // A few at a time: each check reads the article's files, and a batch of thousands must not hold them all.
  const checking = pLimit(8);
  const upToDate = await Promise.all(
    planned.map((item) => checking(async () => 'slug' in item && !options.force && isUpToDate(previous?.articles[item.slug], item.fingerprint, item.editions, options.outDir))),
  );
  hooks.onPlan?.({ total: planned.length + collections.length, unchanged: upToDate.filter(Boolean).length });

  // Each article renders in the pool's tabs; twice as many articles as tabs are in hand, so that a tab never
  // waits while an article's PDF post-processing or EPUB packing runs in Node.
  if (options.queue) {
    // Rendered on the queue's workers: this process only plans, waits and records.
    const { publishOnQueue } = await import('./queue/queue.js');
    const report = inFileOrder(planned.length, hooks.onResult);
    const results = planned.map((item, index) => (!('slug' in item) ? item : upToDate[index] ? unchanged(item, previous!, options.outDir) : undefined));
    results.forEach((result, index) => result && report(index, result));
    const queued = planned.flatMap((item, index) => (results[index] ? [] : [{ item: item as PlannedArticle, index }]));
    await publishOnQueue(queued.map(({ item }) => item), options, {
      onStart: hooks.onStart,
      onResult: (i, result) => report(queued[i]!.index, (results[queued[i]!.index] = result)),
    });
    await recordInManifest(results as ArticleResult[], previous, options);
    return results as ArticleResult[];
  }
  const browsers = browserHandle({ given: hooks.browser, tabs: options.jobs, timeoutMs: options.timeoutMs });
  const workDir = await mkdtemp(join(tmpdir(), 'imprint-'));
  const context = { options, limits, browsers, workDir, hooks };
  try {
    const report = inFileOrder(planned.length, hooks.onResult);
    const limit = pLimit(options.jobs * 2);
    const results = await Promise.all(
      planned.map((item, index) =>
        limit(async () => {
          let result: ArticleResult;
          if (!('slug' in item)) result = item;
          else if (upToDate[index]) result = unchanged(item, previous!, options.outDir);
          else result = await publishWithRetry(item, context);
          report(index, result);
          return result;
        }),
      ),
    );
    // A collection's slug must not be an article's.
    const taken = new Set(results.flatMap((result) => ('slug' in result ? [result.slug] : [])));
    for (const file of collections) {
      const result = hooks.signal?.aborted ? failure(file, interrupted()) : await publishCollection(file, { ...context, buildPrint, previous, taken });
      hooks.onResult?.(result);
      results.push(result);
    }
    await recordInManifest(results, previous, options);
    return results;
  } finally {
    await browsers.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A render that fails for a reason other than the input (a crash, a hang) is tried once more. */
export async function publishWithRetry(item: PlannedArticle, context: BuildContext): Promise<ArticleResult> {
  const { file, warnings } = item;
  const { signal, onStart, onRetry } = context.hooks;
  if (signal?.aborted) return failure(file, interrupted(), warnings);
  onStart?.(file);
  const used = context.browsers.tabs();
  try {
    return await publish(item, await used, context);
  } catch (first) {
    if (signal?.aborted) return failure(file, interrupted(), warnings);
    if (!isBrowserFailure(first)) return failure(file, first instanceof ImprintError ? first : internalError(first), warnings);
    onRetry?.(file, first instanceof Error ? first.message.split('\n')[0]! : String(first));
    await context.browsers.replaceIfUnwell(used);
    try {
      return await publish(item, await context.browsers.tabs(), context);
    } catch (second) {
      return failure(file, signal?.aborted ? interrupted() : explainRenderFailure(second, context.options.timeoutMs), warnings);
    }
  }
}

async function publish(item: PlannedArticle, tabs: TabPool, context: BuildContext): Promise<ArticleResult> {
  const { options, limits, workDir, hooks } = context;
  // Loaded again rather than kept from the first pass: a batch of thousands is never held in memory.
  const loaded = await loadOne(item.file, limits, options);
  if ('draft' in loaded) throw new Error(`${item.file} became a draft during the build`);
  if (!('article' in loaded)) return loaded;
  const { article, warnings } = loaded;
  const editions = await renderEditions(article, item.editions, { tabs, workDir, page: options.page ?? article.meta.page ?? 'a4', style: options.style });
  if (hooks.signal?.aborted) throw interrupted();
  const written = await writeRendered(editions, join(options.outDir, article.slug));
  return { file: item.file, ok: true, status: 'built', slug: article.slug, sourceSha256: sha256(article.sourceBytes), fingerprint: item.fingerprint, summary: articleSummary(article), written, warnings };
}

/** An article's (or a collection's) rendered editions, each written whole or not at all into `folder`. */
export async function writeRendered(editions: readonly RenderedEdition[], folder: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const { edition, name, bytes, pages } of editions) {
    const path = join(folder, name);
    await writeAtomic(path, bytes).catch((error: unknown) => {
      throw new ImprintError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, undefined, 'Check that the output folder is writable and the disk has space, or choose another with --out.', { cause: error });
    });
    const asset = edition === 'html' && name !== webFileNames.page;
    written.push({ edition, path, bytes: bytes.byteLength, ...(pages === undefined ? {} : { pages }), sha256: sha256(bytes), ...(asset && { asset }) });
  }
  return written;
}

/** An article whose files a previous build made from the same inputs: reported from the manifest. */
function unchanged(item: PlannedArticle, previous: Manifest, outDir: string): ArticleResult {
  const entry = previous.articles[item.slug]!;
  const written = entry.editions.map((edition) => ({ ...edition, edition: edition.edition as Edition, path: join(outDir, edition.path) }));
  return { file: item.file, ok: true, status: 'unchanged', slug: item.slug, sourceSha256: entry.source.sha256, fingerprint: item.fingerprint, summary: entry.article, written, warnings: item.warnings };
}

/**
 * output/manifest.json gains every article this build wrote, and the download page (output/index.html) is
 * made again from it: when this build makes web pages, or a previous one did.
 */
async function recordInManifest(results: readonly ArticleResult[], previous: Manifest | undefined, options: BuildOptions): Promise<void> {
  const built = results.flatMap((result) =>
    result.ok && result.status === 'built'
      ? [{ slug: result.slug, sourcePath: result.file, sourceSha256: result.sourceSha256, fingerprint: result.fingerprint, summary: result.summary, editions: result.written, members: result.members }]
      : [],
  );
  if (built.length === 0) return;
  const manifest = mergeManifest(previous, built, options.outDir, options);
  // A shard writes its part (imprint manifest merge joins the parts); the download page waits for the whole.
  if (options.shard) return void (await writeManifest(options.outDir, manifest, shardManifestName(options.shard)));
  await writeManifest(options.outDir, manifest);
  const indexPath = join(options.outDir, downloadPageName);
  if (options.formats.includes('html') || existsSync(indexPath)) await writeAtomic(indexPath, Buffer.from(renderDownloadPage(manifest, options.style)));
}

/** A stable partition by a hash of the slug: the same article is in the same shard on every machine. */
function inShard(key: string, { index, count }: { index: number; count: number }): boolean {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % count === index - 1;
}

/** Calls `onResult` in file order although articles finish in any order: users read the log top to bottom. */
function inFileOrder(count: number, onResult: ((result: ArticleResult) => void) | undefined) {
  const done = new Array<ArticleResult | undefined>(count);
  let next = 0;
  return (index: number, result: ArticleResult) => {
    done[index] = result;
    while (next < count && done[next]) {
      const ready = done[next]!;
      next++; // outside the call: `onResult?.(…)` would skip evaluating its argument when there is no callback
      onResult?.(ready);
    }
  };
}
