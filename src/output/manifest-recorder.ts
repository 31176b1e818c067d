// Records a build's articles in the output folder's manifest as they finish, under a lock, merged with what
// the manifest lists on disk at that moment: builds running at once into one folder (a newsroom's CI and an
// editor's serve, two shards on one machine) each add their articles and lose none of the others', and a
// build killed midway keeps what it finished (a rerun builds only the rest). The download page is made
// again from the merged manifest each time. Writes are at most one a second, then one at the end.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { BuildOptions } from '../config/options.js';
import { ImprintError } from '../errors.js';
import {
  type BuiltArticle,
  type Manifest,
  manifestName,
  mergeManifest,
  readManifest,
  writeManifest,
} from './manifest.js';
import { writeAtomic } from './write-atomic.js';

/** How long after one write the next may come: a batch of thousands writes its manifest about once a second. */
const writeEveryMs = 1_000;
/** A lock not refreshed for this long belongs to a build that died (proper-lockfile refreshes it while held). */
const staleLockMs = 10_000;

export interface ManifestRecorder {
  /** An article or collection this build wrote: listed at the next write. */
  add(built: BuiltArticle): void;
  /**
   * What to do before an article's files are replaced: if the manifest listed them when the build began, it
   * stops listing them first (they are about to change), so that it never lists a file that does not match.
   */
  beforeReplacing(slug: string): (() => Promise<void>) | undefined;
  /** Writes what is still pending (and the download page); the last call of a build. */
  finish(): Promise<void>;
}

/** The download page the manifest's articles get (its path and how it is made), when this build keeps one. */
export interface DownloadPage {
  path: string;
  render: (manifest: Manifest) => string;
}

export function manifestRecorder(
  options: BuildOptions,
  {
    name = manifestName,
    downloadPage,
    previous,
  }: { name?: string; downloadPage?: DownloadPage; previous?: Manifest } = {},
): ManifestRecorder {
  const { outDir } = options;
  const pending = new Map<string, BuiltArticle>();
  let writing: Promise<void> = Promise.resolve();
  let scheduled: NodeJS.Timeout | undefined;
  let lastWrite = 0;
  let failure: unknown;

  /** One read-merge-write under the folder's lock; `forget` leaves a slug out. */
  const update = (forget?: string) => {
    const batch = [...pending.values()];
    pending.clear();
    const run = writing.then(() =>
      underLock(outDir, name, async () => {
        const current = await readManifest(outDir, name);
        if (forget && current?.articles[forget]) delete current.articles[forget];
        else if (batch.length === 0) return;
        const manifest = mergeManifest(current, batch, outDir, options);
        await writeManifest(outDir, manifest, name);
        if (downloadPage) await writeAtomic(downloadPage.path, Buffer.from(downloadPage.render(manifest)));
      }),
    );
    lastWrite = Date.now();
    writing = run.catch((error: unknown) => void (failure ??= error));
    return run;
  };

  return {
    add(built) {
      pending.set(built.slug, built);
      if (scheduled) return;
      scheduled = setTimeout(
        () => {
          scheduled = undefined;
          void update();
        },
        Math.max(0, lastWrite + writeEveryMs - Date.now()),
      );
      scheduled.unref();
    },
    beforeReplacing(slug) {
      if (!previous?.articles[slug]) return undefined;
      return async () => {
        pending.delete(slug);
        await update(slug);
      };
    },
    async finish() {
      clearTimeout(scheduled);
      scheduled = undefined;
      if (pending.size > 0) await update().catch(() => undefined);
      await writing;
      if (failure) throw failure;
    },
  };
}

/** `work` while holding the output folder's manifest lock (a folder beside the manifest, as proper-lockfile makes it). */
async function underLock(outDir: string, name: string, work: () => Promise<void>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, name);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      realpath: false,
      stale: staleLockMs,
      retries: { retries: 600, factor: 1.2, minTimeout: 20, maxTimeout: 250 },
      // Lost only if this process stalled for longer than staleLockMs; the write under way still completes.
      onCompromised: () => undefined,
    });
  } catch (error) {
    throw new ImprintError(
      `cannot lock ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { file },
      `Another build holds it; if none is running, remove ${file}.lock.`,
      { cause: error },
    );
  }
  try {
    await work();
  } finally {
    await release().catch(() => undefined);
  }
}
