// The build, top to bottom: find articles → load → prepare → render each edition in memory → write atomically.
// One browser for the whole build; a failed article writes nothing and the others still build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Browser } from 'puppeteer-core';
import { prepareArticle, type Article } from './article/article.js';
import type { InputLimits } from './article/limits.js';
import { loadArticle } from './article/load-article.js';
import { launchBrowser } from './browser.js';
import { checkArticle, strictFailure } from './check/check-article.js';
import type { Diagnostic } from './check/diagnostic.js';
import { renderEpub } from './editions/epub.js';
import { articleView } from './editions/article-view.js';
import { renderPrintEdition } from './editions/print.js';
import { attributeTo, ImprintError } from './errors.js';
import { findArticles } from './find-articles.js';
import type { BuildOptions, Edition } from './options.js';
import { writeAtomic } from './output/write-atomic.js';

export interface WrittenFile {
  edition: Edition;
  path: string;
  bytes: number;
  /** Pages, for the PDF editions. */
  pages?: number;
}

export type ArticleResult =
  | { file: string; ok: true; slug: string; written: WrittenFile[]; warnings: Diagnostic[] }
  | { file: string; ok: false; error: ImprintError; warnings: Diagnostic[] };

interface RenderedEdition {
  edition: Edition;
  bytes: Uint8Array;
  pages?: number;
}

interface BuildContext {
  options: BuildOptions;
  /** Awaited only when a page is rendered, so the rest of the work overlaps Chromium's start-up. */
  browser: Promise<Browser>;
  workDir: string;
}

export interface BuildHooks {
  /** A browser the caller launched (and will close); without it the build launches and closes its own. */
  browser?: Promise<Browser>;
  onResult?: (result: ArticleResult) => void;
}

export async function build(paths: readonly string[], options: BuildOptions, hooks: BuildHooks = {}): Promise<ArticleResult[]> {
  const ownBrowser = hooks.browser ? undefined : launchBrowser();
  const browser = hooks.browser ?? ownBrowser!;
  // A launch failure is reported by the first article that needs the browser, not as an unhandled rejection.
  browser.catch(() => undefined);
  const workDir = await mkdtemp(join(tmpdir(), 'imprint-'));
  try {
    const limits = { maxArticleBytes: options.maxArticleMb * 1e6, maxImageBytes: options.maxImageMb * 1e6 };
    const loaded = await loadAll(await findArticles(paths), limits, options);
    const report = inFileOrder(loaded.length, hooks.onResult);
    const limit = pLimit(options.jobs);
    return await Promise.all(
      loaded.map((item, index) =>
        limit(async () => {
          const result = 'error' in item ? item.error : await publish(item, { options, browser, workDir });
          report(index, result);
          return result;
        }),
      ),
    );
  } finally {
    await closeBrowser(ownBrowser);
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function closeBrowser(browser: Promise<Browser> | undefined): Promise<void> {
  await browser?.then((launched) => launched.close()).catch(() => undefined);
}

type Loaded = { file: string; article: Article; warnings: Diagnostic[] } | { file: string; error: ArticleResult };

/** Loads every article first (milliseconds each), so slug clashes are decided by file order, not by timing. */
async function loadAll(files: readonly string[], limits: InputLimits, { strict, html }: BuildOptions): Promise<Loaded[]> {
  const loaded = await Promise.all(
    files.map(async (file): Promise<Loaded> => {
      let warnings: Diagnostic[] = [];
      try {
        const source = await loadArticle(file, limits);
        warnings = checkArticle(source);
        const refused = strict ? strictFailure(file, warnings) : undefined;
        if (refused) throw refused;
        return { file, article: await prepareArticle(source, limits, html), warnings };
      } catch (error) {
        return { file, error: failure(file, error, warnings) };
      }
    }),
  );
  const slugOwners = new Map<string, string>();
  return loaded.map((item) => {
    if (!('article' in item)) return item;
    const owner = slugOwners.get(item.article.slug);
    if (!owner) {
      slugOwners.set(item.article.slug, item.file);
      return item;
    }
    const clash = new ImprintError(`slug "${item.article.slug}" is already used by ${owner}`, { file: item.file }, 'Give one of them a different "slug:" in its front matter.');
    return { file: item.file, error: failure(item.file, clash, item.warnings) };
  });
}

async function publish({ file, article, warnings }: { file: string; article: Article; warnings: Diagnostic[] }, context: BuildContext): Promise<ArticleResult> {
  try {
    const editions = await renderEditions(article, context);
    const written: WrittenFile[] = [];
    for (const { edition, bytes, pages } of editions) {
      const path = join(context.options.outDir, article.slug, `${article.slug}.${edition}`);
      await writeAtomic(path, bytes);
      written.push({ edition, path, bytes: bytes.byteLength, ...(pages === undefined ? {} : { pages }) });
    }
    return { file, ok: true, slug: article.slug, written, warnings };
  } catch (error) {
    return failure(file, error, warnings);
  }
}

function failure(file: string, error: unknown, warnings: Diagnostic[] = []): ArticleResult {
  return { file, ok: false, error: attributeTo(file, error), warnings };
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

/**
 * Every requested edition, in memory: nothing is written until all of them succeeded. They render
 * concurrently, each in its own tab of the one browser.
 */
function renderEditions(article: Article, { options, browser, workDir }: BuildContext): Promise<RenderedEdition[]> {
  const view = articleView(article);
  const buildDate = reproducibleDate(article);
  const timeoutMs = options.timeoutMs;
  return Promise.all(
    options.formats.map(async (edition): Promise<RenderedEdition> => {
      if (edition === 'epub') return { edition, bytes: await renderEpub(article, view, { browser: await browser, workDir, buildDate, timeoutMs }) };
      const page = options.page ?? article.meta.page ?? 'a4';
      const pdf = await renderPrintEdition(article, view, { browser: await browser, workDir, page, buildDate, timeoutMs });
      return { edition, bytes: pdf.bytes, pages: pdf.pageCount };
    }),
  );
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the article's date: never the clock. */
function reproducibleDate(article: Article): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${article.meta.date}T00:00:00Z`);
}
