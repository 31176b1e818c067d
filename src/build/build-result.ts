// What the build's parts share (build.ts, build-collection.ts, queue.ts): the context and hooks
// of a build, what one article or collection comes to, and the writing of its rendered editions.
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { InputLimits } from '../article/limits.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { BuildOptions } from '../config/options.js';
import type { Edition } from '../edition.js';
import type { RenderedEdition } from '../editions/render.js';
import { webFileNames } from '../editions/web/web.js';
import { ImprintError } from '../errors.js';
import { type ArticleSummary, type CollectionMember, sha256 } from '../output/manifest.js';
import type { ManifestRecorder } from '../output/manifest-recorder.js';
import { writeAllAtomic } from '../output/write-atomic.js';
import type { BrowserHandle } from '../render/browser.js';
import type { FailedArticle } from './load-articles.js';

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
  | {
      file: string;
      ok: true;
      status: 'built' | 'unchanged';
      slug: string;
      sourceSha256: string;
      fingerprint: string;
      summary: ArticleSummary | undefined;
      written: WrittenFile[];
      warnings: Diagnostic[];
      members?: CollectionMember[];
    }
  | FailedArticle;

export interface BuildHooks {
  /** A browser the caller launched (and will close); without it the build launches and closes its own. */
  browser?: Promise<Browser>;
  /**
   * A browser launched for this build alone (the library's build() starts it before the build's code is
   * loaded), which the build closes as soon as no publication needs it any more.
   */
  launched?: Promise<Browser>;
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
  /** Lists what the build writes in the output folder's manifest (absent on a queue's worker: its build records). */
  recorder?: ManifestRecorder;
}

/**
 * An article's (or a collection's) rendered editions written into `folder`: all of them in full under
 * temporary names first, then renamed into place, so that a full disk leaves its old files as they were.
 * `beforeReplace` runs in between (the manifest stops listing the old files).
 */
export async function writeRendered(
  editions: readonly RenderedEdition[],
  folder: string,
  beforeReplace?: () => Promise<void>,
): Promise<WrittenFile[]> {
  const files = editions.map(({ name, bytes }) => ({ path: join(folder, name), bytes }));
  await writeAllAtomic(files, beforeReplace).catch((error: unknown) => {
    const path = (error as { target?: string }).target ?? folder;
    const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
    throw new ImprintError(
      full
        ? `cannot write ${path}: the disk is full (ENOSPC); nothing of this article was changed`
        : `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      full
        ? "Free some space on the output folder's disk (or choose another with --out) and build again: the other articles are intact."
        : 'Check that the output folder is writable and the disk has space, or choose another with --out.',
      { cause: error },
    );
  });
  return editions.map(({ edition, name, bytes, pages }) => {
    const asset = edition === 'html' && name !== webFileNames.page;
    return {
      edition,
      path: join(folder, name),
      bytes: bytes.byteLength,
      ...(pages === undefined ? {} : { pages }),
      sha256: sha256(bytes),
      ...(asset && { asset }),
    };
  });
}
