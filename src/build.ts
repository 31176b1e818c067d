// The build, top to bottom: find articles → load and check them all → render each article's editions in
// memory → write them atomically. One browser for the whole build (replaced if it dies), a small pool of
// articles at a time; a failed article writes nothing and the others still build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Browser } from 'puppeteer-core';
import type { Article } from './article/article.js';
import { browserHandle, type BrowserHandle } from './browser.js';
import type { Diagnostic } from './check/diagnostic.js';
import { articleView } from './editions/article-view.js';
import { renderEpub } from './editions/epub.js';
import { renderArchivalEdition } from './editions/archival.js';
import type { FinishedPdf } from './editions/pdf-metadata.js';
import { pressGeometry, renderPressEdition } from './editions/press.js';
import { pdfMetadata, renderPrintEdition, renderPrintPage } from './editions/print.js';
import { ImprintError } from './errors.js';
import { findArticles } from './find-articles.js';
import { failure, loadAll, type FailedArticle, type LoadedArticle } from './load-articles.js';
import { editionSuffix, type BuildOptions, type Edition } from './options.js';
import { mergeManifest, readManifest, sha256, writeManifest } from './output/manifest.js';
import { writeAtomic } from './output/write-atomic.js';
import { explainRenderFailure, internalError, interrupted, isBrowserFailure } from './render-failures.js';

export interface WrittenFile {
  edition: Edition;
  path: string;
  bytes: number;
  /** Pages, for the PDF editions. */
  pages?: number;
  sha256: string;
}

export type ArticleResult =
  | { file: string; ok: true; slug: string; sourceSha256: string; written: WrittenFile[]; warnings: Diagnostic[] }
  | FailedArticle;

export interface BuildHooks {
  /** A browser the caller launched (and will close); without it the build launches and closes its own. */
  browser?: Promise<Browser>;
  /** Called once per article, in file order. */
  onResult?: (result: ArticleResult) => void;
  /** Aborting stops the build: no new article starts, and the ones under way are not written. */
  signal?: AbortSignal;
}

interface BuildContext {
  options: BuildOptions;
  browsers: BrowserHandle;
  workDir: string;
  signal: AbortSignal | undefined;
}

export async function build(paths: readonly string[], options: BuildOptions, hooks: BuildHooks = {}): Promise<ArticleResult[]> {
  const browsers = browserHandle(hooks.browser);
  const workDir = await mkdtemp(join(tmpdir(), 'imprint-'));
  const context = { options, browsers, workDir, signal: hooks.signal };
  try {
    const limits = { maxArticleBytes: options.maxArticleMb * 1e6, maxImageBytes: options.maxImageMb * 1e6 };
    const loaded = await loadAll(await findArticles(paths), limits, options);
    const report = inFileOrder(loaded.length, hooks.onResult);
    const limit = pLimit(options.jobs);
    const results = await Promise.all(
      loaded.map((item, index) =>
        limit(async () => {
          const result = 'article' in item ? await publishWithRetry(item, context) : item;
          report(index, result);
          return result;
        }),
      ),
    );
    await recordInManifest(results, options);
    return results;
  } finally {
    await browsers.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A render that fails for a reason other than the input (a crash, a hang) is tried once more. */
async function publishWithRetry(item: LoadedArticle, context: BuildContext): Promise<ArticleResult> {
  const { file, warnings } = item;
  if (context.signal?.aborted) return failure(file, interrupted(), warnings);
  const used = context.browsers.get();
  try {
    return await publish(item, await used, context);
  } catch (first) {
    if (context.signal?.aborted) return failure(file, interrupted(), warnings);
    if (!isBrowserFailure(first)) return failure(file, first instanceof ImprintError ? first : internalError(first), warnings);
    await context.browsers.replaceIfGone(used);
    try {
      return await publish(item, await context.browsers.get(), context);
    } catch (second) {
      return failure(file, context.signal?.aborted ? interrupted() : explainRenderFailure(second, context.options.timeoutMs), warnings);
    }
  }
}

async function publish({ file, article, warnings }: LoadedArticle, browser: Browser, context: BuildContext): Promise<ArticleResult> {
  const editions = await renderEditions(article, browser, context);
  if (context.signal?.aborted) throw interrupted();
  const written: WrittenFile[] = [];
  for (const { edition, bytes, pages } of editions) {
    const path = join(context.options.outDir, article.slug, `${article.slug}${editionSuffix[edition]}`);
    await writeAtomic(path, bytes).catch((error: unknown) => {
      throw new ImprintError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, undefined, 'Check that the output folder is writable and the disk has space, or choose another with --out.', { cause: error });
    });
    written.push({ edition, path, bytes: bytes.byteLength, ...(pages === undefined ? {} : { pages }), sha256: sha256(bytes) });
  }
  return { file, ok: true, slug: article.slug, sourceSha256: sha256(article.sourceBytes), written, warnings };
}

interface RenderedEdition {
  edition: Edition;
  bytes: Uint8Array;
  pages?: number;
}

/**
 * Every requested edition, in memory, concurrently in tabs of the one browser; nothing is written yet.
 * The print PDF is rendered once: the archival edition is made from it.
 */
function renderEditions(article: Article, browser: Browser, { options, workDir }: BuildContext): Promise<RenderedEdition[]> {
  const view = articleView(article);
  const buildDate = reproducibleDate(article);
  const timeoutMs = options.timeoutMs;
  const page = options.page ?? article.meta.page ?? 'a4';
  let print: Promise<FinishedPdf> | undefined;
  const printPdf = () => (print ??= renderPrintEdition(article, view, { browser, workDir, page, buildDate, timeoutMs }));
  const meta = pdfMetadata(article, buildDate);
  const wanted = options.formats.filter((edition) => article.meta.editions?.includes(edition) ?? true);
  return Promise.all(
    wanted.map(async (edition): Promise<RenderedEdition> => {
      if (edition === 'epub') return { edition, bytes: await renderEpub(article, view, { browser, workDir, buildDate, timeoutMs }) };
      let pdf: FinishedPdf;
      if (edition === 'pdf') pdf = await printPdf();
      else if (edition === 'archival') pdf = await renderArchivalEdition((await printPdf()).bytes, article, meta, { workDir, buildDate, timeoutMs });
      else {
        const bleedPage = await renderPrintPage(article, view, { browser, workDir, page, buildDate, timeoutMs, bleed: pressGeometry.bleed });
        pdf = await renderPressEdition(bleedPage, article, meta, { workDir, buildDate, timeoutMs, page });
      }
      return { edition, bytes: pdf.bytes, pages: pdf.pageCount };
    }),
  );
}

/** output/manifest.json gains every article this build wrote. */
async function recordInManifest(results: readonly ArticleResult[], options: BuildOptions): Promise<void> {
  const built = results.flatMap((result) =>
    result.ok ? [{ slug: result.slug, sourcePath: result.file, sourceSha256: result.sourceSha256, editions: result.written }] : [],
  );
  if (built.length === 0) return;
  await writeManifest(options.outDir, mergeManifest(await readManifest(options.outDir), built, options.outDir, options));
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the article's date: never the clock. */
function reproducibleDate(article: Article): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${article.meta.date}T00:00:00Z`);
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

