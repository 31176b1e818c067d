// Records a build's articles in the output folder's manifest as they finish, under a lock, merged with what
// the manifest lists on disk at that moment: builds running at once into one folder (a newsroom's CI and an
// editor's serve, two shards on one machine) each add their articles and lose none of the others', and a
// build killed midway keeps what it finished (a rerun builds only the rest). The download page is made
// again from the merged manifest with it. A manifest of 10,000 articles is 9 MB and its page 10 MB, so
// writes are spaced by what the last one cost (at least a second apart, at most a twentieth of the time),
// and a manifest this build wrote (or read when it began), unchanged on disk since, is not read again.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { BuildOptions } from '../config/options.js';
import { ImprintError } from '../errors.js';
import {
  type BuiltArticle,
  fileIdentity,
  identityWhenRead,
  type Manifest,
  manifestName,
  mergeManifest,
  readManifest,
  writeManifest,
} from './manifest.js';
import { writeAtomicParts } from './write-atomic.js';

/** The least time from one write to the next: a batch of hundreds writes its manifest about once a second. */
const writeEveryMs = 1_000;
/** Past that, the time between writes is this many times what the last one took (manifests of thousands). */
const writeCostFactor = 20;
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
  render: (manifest: Manifest) => Iterable<string>;
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
  const file = join(outDir, name);
  const pending = new Map<string, BuiltArticle>();
  const forgetting = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  let scheduled: NodeJS.Timeout | undefined;
  let nextWriteAt = 0;
  let pageBehind = false;
  let failure: unknown;
  /** The manifest as this build last wrote (or first read) it, and the file's identity then. */
  const known = previous && identityWhenRead.get(previous);
  let written = previous && known ? { manifest: previous, identity: known } : undefined;
  const onDisk = async () => {
    if (written && (await fileIdentity(file).catch(() => '')) === written.identity) return written.manifest;
    return readManifest(outDir, name);
  };

  /**
   * One read-merge-write under the folder's lock, of everything pending when it runs (so that requests made
   * while another write was under way share one); `withPage`: the download page too (forgetting alone skips it).
   */
  const update = (withPage: boolean) => {
    const run = writing.then(() => {
      if (pending.size === 0 && forgetting.size === 0 && !(withPage && pageBehind)) return;
      const batch = [...pending.values()];
      const forget = [...forgetting];
      pending.clear();
      forgetting.clear();
      const work = underLock(outDir, name, async () => {
        const started = performance.now();
        const current = await onDisk();
        const listed = forget.filter((slug) => current?.articles[slug]);
        let manifest = current;
        if (batch.length > 0 || listed.length > 0) {
          const articles = { ...current?.articles };
          for (const slug of listed) delete articles[slug];
          manifest = mergeManifest(current && { ...current, articles }, batch, outDir, options);
          written = undefined;
          await writeManifest(outDir, manifest, name);
          pageBehind = Boolean(downloadPage) && !withPage;
        } else if (!(withPage && pageBehind) || !manifest) return;
        written = { manifest, identity: await fileIdentity(file) };
        if (downloadPage && withPage) {
          await writeAtomicParts(downloadPage.path, downloadPage.render(manifest));
          pageBehind = false;
        }
        const cost = performance.now() - started;
        nextWriteAt = Date.now() + Math.max(writeEveryMs, writeCostFactor * cost);
      });
      // Not written: still to do, so that a request that shared this write is not taken as done by the next.
      return work.catch((error: unknown) => {
        for (const built of batch) if (!pending.has(built.slug)) pending.set(built.slug, built);
        for (const slug of forget) forgetting.add(slug);
        throw error;
      });
    });
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
          void update(true);
        },
        Math.max(0, nextWriteAt - Date.now()),
      );
      scheduled.unref();
    },
    beforeReplacing(slug) {
      if (!previous?.articles[slug]) return undefined;
      return async () => {
        pending.delete(slug);
        forgetting.add(slug);
        await update(false);
      };
    },
    async finish() {
      clearTimeout(scheduled);
      scheduled = undefined;
      await update(true).catch(() => undefined);
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
