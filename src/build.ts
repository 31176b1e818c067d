// The build, top to bottom: find articles → load → prepare → render each edition in memory → write atomically.
// One browser for the whole build; a failed article writes nothing and the others still build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { prepareArticle, type Article } from './article/article.js';
import { loadArticle } from './article/load-article.js';
import { launchBrowser } from './browser.js';
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
  | { file: string; ok: true; slug: string; written: WrittenFile[] }
  | { file: string; ok: false; error: ImprintError };

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
  const results: ArticleResult[] = [];
  const files = await findArticles(paths).catch(async (error: unknown) => {
    await closeBrowser(ownBrowser);
    throw error;
  });
  const workDir = await mkdtemp(join(tmpdir(), 'imprint-'));
  const slugOwners = new Map<string, string>();
  try {
    for (const file of files) {
      const result = await buildArticle(file, { options, browser, workDir }, slugOwners);
      results.push(result);
      hooks.onResult?.(result);
    }
  } finally {
    await closeBrowser(ownBrowser);
    await rm(workDir, { recursive: true, force: true });
  }
  return results;
}

export async function closeBrowser(browser: Promise<Browser> | undefined): Promise<void> {
  await browser?.then((launched) => launched.close()).catch(() => undefined);
}

async function buildArticle(file: string, context: BuildContext, slugOwners: Map<string, string>): Promise<ArticleResult> {
  try {
    const article = await prepareArticle(await loadArticle(file));
    const owner = slugOwners.get(article.slug);
    if (owner) throw new ImprintError(`slug "${article.slug}" is already used by ${owner}`, { file }, 'Give one of them a different "slug:" in its front matter.');
    slugOwners.set(article.slug, file);

    const editions = await renderEditions(article, context);
    const written: WrittenFile[] = [];
    for (const { edition, bytes, pages } of editions) {
      const path = join(context.options.outDir, article.slug, `${article.slug}.${edition}`);
      await writeAtomic(path, bytes);
      written.push({ edition, path, bytes: bytes.byteLength, ...(pages === undefined ? {} : { pages }) });
    }
    return { file, ok: true, slug: article.slug, written };
  } catch (error) {
    return { file, ok: false, error: attributeTo(file, error) };
  }
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
