// The build, top to bottom: find articles → a first pass that loads and checks them all (keeping only their
// fingerprints) → skip those whose files are up to date → load each remaining article again, render its
// editions in memory on a pool of reused browser tabs → write them atomically → record them in the manifest.
// One browser for the whole build (replaced if it dies or freezes); a failed article writes nothing and the
// others still build. Collections (.yaml paths) are built here after the articles (collection/), also with
// --queue, where the articles are rendered by the queue's workers instead (queue/); with --shard only this
// machine's part.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import { findArticles } from '../article/find-articles.js';
import { type InputLimits, inputLimits } from '../article/limits.js';
import { isCollectionFile } from '../collection/collection-file.js';
import type { BuildOptions } from '../config/options.js';
import { downloadPageName, downloadPageParts } from '../editions/web/download-page.js';
import { buildFingerprint } from '../output/fingerprint.js';
import { removeOnExit } from '../output/left-behind.js';
import { type BuiltArticle, type Manifest, readManifest, shardManifestName } from '../output/manifest.js';
import { type ManifestRecorder, manifestRecorder } from '../output/manifest-recorder.js';
import { isUpToDate } from '../output/verify.js';
import { browserHandle } from '../render/browser.js';
import { publishCollection } from './build-collection.js';
import type { ArticleResult, BuildContext, BuildHooks } from './build-result.js';
import { type FailedArticle, failure, type PlannedArticle, planBatch } from './load-articles.js';
import { publishWithRetry, unchanged } from './publish-article.js';
import { interrupted } from './render-failures.js';

export type { ArticleResult, BuildContext, BuildHooks, WrittenFile } from './build-result.js';

export async function build(
  paths: readonly string[],
  options: BuildOptions,
  hooks: BuildHooks = {},
): Promise<ArticleResult[]> {
  const limits = inputLimits(options);
  // A .yaml path is a collection, built after the articles (see collection/); the rest are articles.
  // A collection is built by one shard, chosen by its path from the working folder (its slug is known only
  // once it is read): the same on every machine that runs the same command in its checkout.
  const collections = paths
    .filter(isCollectionFile)
    .filter((file) => !options.shard || inShard(relative('.', file).split(sep).join('/'), options.shard));
  const articlePaths = paths.filter((path) => !isCollectionFile(path));
  const found = articlePaths.length > 0 ? await findArticles(articlePaths) : { files: [], notes: [] };
  const buildPrint = await buildFingerprint(options);
  const { planned: all, notes } = await planBatch(found.files, limits, options, buildPrint);
  const planned = options.shard
    ? all.filter((item) => inShard('slug' in item ? item.slug : item.file, options.shard!))
    : all;
  for (const note of [...found.notes, ...notes]) hooks.onNote?.(note);
  // Every article's slug, this shard's or not: a collection may not take one.
  const slugs = new Set(all.flatMap((item) => ('slug' in item ? [item.slug] : [])));
  const previous = await readManifest(options.outDir, options.shard && shardManifestName(options.shard));
  // A few at a time: each check reads the article's files, and a batch of thousands must not hold them all.
  const checking = pLimit(8);
  const upToDate = await Promise.all(
    planned.map((item) =>
      checking(
        async () =>
          'slug' in item &&
          !options.force &&
          isUpToDate(previous?.articles[item.slug], item.fingerprint, item.editions, options.outDir),
      ),
    ),
  );
  hooks.onPlan?.({ total: planned.length + collections.length, unchanged: upToDate.filter(Boolean).length });
  const recorder = recorderFor(options, previous);
  // Stopped (Ctrl-C, SIGTERM): what is finished is listed at once, as the process may exit before the end.
  hooks.signal?.addEventListener('abort', () => void recorder.finish().catch(() => undefined), { once: true });
  const inOrder = inFileOrder(planned.length, hooks.onResult);
  // Listed in the manifest as soon as it is written, reported to the user in file order.
  const report = (index: number, result: ArticleResult) => {
    record(recorder, result);
    inOrder(index, result);
  };
  const plan: Plan = { planned, upToDate, previous, report };
  const withCollections = async (articles: ArticleResult[], context: BuildContext) => [
    ...articles,
    ...(await publishCollections(collections, slugs, context, buildPrint, previous)),
  ];

  try {
    if (options.queue) {
      // The articles render on the queue's workers; the collections here, after them, with a browser of this build's own.
      const queued = await publishQueued(plan, options, hooks);
      return collections.length === 0
        ? queued
        : await rendering(options, limits, hooks, recorder, (context) => withCollections(queued, context));
    }
    return await rendering(options, limits, hooks, recorder, async (context) =>
      withCollections(await publishHere(plan, context, { lastToRender: collections.length === 0 }), context),
    );
  } finally {
    await recorder.finish();
  }
}

/**
 * The output folder's manifest.json, which gains every article as this build writes it, merged with what
 * other builds into the same folder list; and the download page (index.html), made again from it when this
 * build makes web pages or a previous one did. A shard writes its own part (imprint manifest merge joins the
 * parts) and leaves the download page for the whole.
 */
function recorderFor(options: BuildOptions, previous: Manifest | undefined): ManifestRecorder {
  if (options.shard) return manifestRecorder(options, { name: shardManifestName(options.shard), previous });
  const path = join(options.outDir, downloadPageName);
  const downloadPage =
    options.formats.includes('html') || existsSync(path)
      ? { path, render: (manifest: Manifest) => downloadPageParts(manifest, options.style) }
      : undefined;
  return manifestRecorder(options, { previous, ...(downloadPage && { downloadPage }) });
}

function record(recorder: ManifestRecorder | undefined, result: ArticleResult): void {
  if (!result.ok || result.status !== 'built') return;
  const built: BuiltArticle = {
    slug: result.slug,
    sourcePath: result.file,
    sourceSha256: result.sourceSha256,
    fingerprint: result.fingerprint,
    summary: result.summary,
    editions: result.written,
    members: result.members,
  };
  recorder?.add(built);
}

/** The articles to build, whether each is up to date already, and where its result is reported (in file order). */
interface Plan {
  planned: readonly (PlannedArticle | FailedArticle)[];
  upToDate: readonly boolean[];
  previous: Manifest | undefined;
  report: (index: number, result: ArticleResult) => void;
}

/** `work` with the build's browser (replaced if it dies or freezes) and a scratch folder, both gone after. */
async function rendering<T>(
  options: BuildOptions,
  limits: InputLimits,
  hooks: BuildHooks,
  recorder: ManifestRecorder,
  work: (context: BuildContext) => Promise<T>,
): Promise<T> {
  const browsers = browserHandle({
    given: hooks.browser,
    launched: hooks.launched,
    tabs: options.jobs,
    timeoutMs: options.timeoutMs,
  });
  // Named by the process, so that a later build removes it if this one is killed (output/write-atomic.ts).
  const workDir = await mkdtemp(join(tmpdir(), `imprint-work-${process.pid}-`));
  const forget = removeOnExit(workDir);
  try {
    return await work({ options, limits, browsers, workDir, hooks, recorder });
  } finally {
    await browsers.close();
    await rm(workDir, { recursive: true, force: true });
    forget();
  }
}

/**
 * Each article renders in the pool's tabs; twice as many articles as tabs are in hand, so that a tab never
 * waits while an article's PDF post-processing or EPUB packing runs in Node. When nothing renders after the
 * articles (no collections), the browser closes once the last ones are done with it (see closeWhenReleased).
 */
function publishHere(
  { planned, upToDate, previous, report }: Plan,
  context: BuildContext,
  { lastToRender }: { lastToRender: boolean },
): Promise<ArticleResult[]> {
  const limit = pLimit(context.options.jobs * 2);
  return Promise.all(
    planned.map((item, index) =>
      limit(async () => {
        let result: Promise<ArticleResult> | ArticleResult;
        if (!('slug' in item)) result = item;
        else if (upToDate[index]) result = unchanged(item, previous!, context.options.outDir);
        else result = publishWithRetry(item, context); // holds the browser before its first await
        // Tasks start in order: every article has started, and those that render hold the browser.
        if (lastToRender && index === planned.length - 1) context.browsers.closeWhenReleased();
        const done = await result;
        report(index, done);
        return done;
      }),
    ),
  );
}

/** Rendered on the queue's workers: this process only plans, waits and records. */
async function publishQueued(
  { planned, upToDate, previous, report }: Plan,
  options: BuildOptions,
  hooks: BuildHooks,
): Promise<ArticleResult[]> {
  const { publishOnQueue } = await import('./queue.js');
  const results = planned.map((item, index) =>
    !('slug' in item) ? item : upToDate[index] ? unchanged(item, previous!, options.outDir) : undefined,
  );
  results.forEach((result, index) => {
    if (result) report(index, result);
  });
  const queued = planned.flatMap((item, index) => (results[index] ? [] : [{ item: item as PlannedArticle, index }]));
  await publishOnQueue(
    queued.map(({ item }) => item),
    options,
    {
      onStart: hooks.onStart,
      onResult: (i, result) => report(queued[i]!.index, (results[queued[i]!.index] = result)),
    },
  );
  return results as ArticleResult[];
}

/** The collections, one after another once the articles are done; a collection's slug must not be an article's. */
async function publishCollections(
  files: readonly string[],
  taken: ReadonlySet<string>,
  context: BuildContext,
  buildPrint: string,
  previous: Manifest | undefined,
): Promise<ArticleResult[]> {
  const results: ArticleResult[] = [];
  for (const file of files) {
    const result = context.hooks.signal?.aborted
      ? failure(file, interrupted())
      : await publishCollection(file, { ...context, buildPrint, previous, taken });
    record(context.recorder, result);
    context.hooks.onResult?.(result);
    results.push(result);
  }
  return results;
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
      done[next] = undefined; // reported: the build's own list of results keeps it
      next++; // outside the call: `onResult?.(…)` would skip evaluating its argument when there is no callback
      onResult?.(ready);
    }
  };
}
