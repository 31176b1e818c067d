// Builds spread over machines on a BullMQ queue (Redis). The producer (`imprint build --queue`) loads and
// checks every article itself, then enqueues one job per article that is not up to date; workers
// (`imprint worker --queue`) render and write them into the shared output folder and return what they wrote;
// the producer reports each as a local build would and writes the manifest. Inputs travel through the shared
// folder: a job names its article by its path relative to a root both sides are given (--root), so photos of
// any size need no copy through Redis.

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type ConnectionOptions, type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { inputLimits } from '../article/limits.js';
import type { BuildOptions } from '../config/options.js';
import type { Edition } from '../edition.js';
import { ImprintError } from '../errors.js';
import { browserHandle } from '../render/browser.js';
import type { ArticleResult, BuildContext, WrittenFile } from './build-result.js';
import { failure, type PlannedArticle } from './load-articles.js';

export const queueName = 'imprint-articles';

/** What a job carries: where the article is, and everything that decides its editions. */
export interface ArticleJob {
  /** Relative to the root both sides were given. */
  file: string;
  slug: string;
  fingerprint: string;
  editions: Edition[];
  page: string | undefined;
  html: boolean;
  strict: boolean;
  timeoutMs: number;
}

/** What a worker hands back: the article's result, its files named relative to the output folder. */
export type JobOutcome = Omit<Extract<ArticleResult, { ok: true }>, 'file' | 'warnings' | 'written'> & {
  written: (Omit<WrittenFile, 'path'> & { path: string })[];
};

/** redis://HOST:PORT[/DB], with an optional password, as BullMQ's (ioredis') connection options. */
export function connectionFor(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (parsed.protocol !== 'redis:')
    throw new ImprintError(
      `--queue takes a redis:// URL, not "${url}"`,
      undefined,
      'For example --queue redis://127.0.0.1:6379/0.',
    );
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    db: Number(parsed.pathname.slice(1) || 0),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    maxRetriesPerRequest: null,
  };
}

/**
 * The producer's side: each planned article becomes a job, its id derived from the article and its inputs, so
 * enqueueing the same article twice adds nothing (a job that failed before is replaced, to be tried again).
 */
export async function publishOnQueue(
  items: readonly PlannedArticle[],
  options: BuildOptions,
  hooks: { onStart?: (file: string) => void; onResult: (index: number, result: ArticleResult) => void },
): Promise<void> {
  const root = options.root;
  const connection = connectionFor(options.queue!);
  const queue = new Queue<ArticleJob, JobOutcome>(queueName, { connection });
  const events = new QueueEvents(queueName, { connection });
  // Each job waits on the one event stream (and on the queue closing): as many listeners as jobs is no leak.
  events.setMaxListeners(items.length + 10);
  queue.setMaxListeners(items.length + 10);
  try {
    await events.waitUntilReady();
    await Promise.all(items.map(async (item, index) => hooks.onResult(index, await publishOne(item))));
  } finally {
    await events.close();
    await queue.close();
  }

  async function publishOne(item: PlannedArticle): Promise<ArticleResult> {
    // The same article, inputs and output folder: the same job, whichever producer adds it.
    const jobId = `${item.slug}-${createHash('sha256')
      .update(`${item.fingerprint}\n${relative(root, resolve(options.outDir))}`)
      .digest('hex')
      .slice(0, 32)}`;
    // Not up to date (the producer checked), so a finished job of the same ID is stale: its files were
    // removed or changed since, or it failed. It goes, and the article is built again.
    const earlier = await queue.getJob(jobId);
    if (earlier && ((await earlier.isFailed()) || (await earlier.isCompleted()))) await earlier.remove();
    const data: ArticleJob = {
      file: relative(root, resolve(item.file)),
      slug: item.slug,
      fingerprint: item.fingerprint,
      editions: item.editions,
      page: options.page,
      html: options.html,
      strict: options.strict,
      timeoutMs: options.timeoutMs,
    };
    const job = await queue.add('article', data, {
      jobId,
      attempts: 3,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 24 * 3600 },
    });
    hooks.onStart?.(item.file);
    try {
      const outcome = (await job.waitUntilFinished(events)) as JobOutcome;
      return {
        ...outcome,
        file: item.file,
        warnings: item.warnings,
        written: outcome.written.map((file) => ({ ...file, path: join(options.outDir, file.path) })),
      };
    } catch (error) {
      return failure(
        item.file,
        new ImprintError(`on the queue: ${error instanceof Error ? error.message : String(error)}`),
        item.warnings,
      );
    }
  }
}

export interface WorkerHooks {
  onDone?: (job: ArticleJob, result: ArticleResult) => void;
  signal: AbortSignal;
}

/** How long a job is a worker's before another may take it, should that worker stop answering (BullMQ renews it while alive). */
const lockMs = 15_000;
/** How long a stopping worker waits for its jobs in hand and the queue before it closes regardless. */
const closeWaitMs = 120_000;

/**
 * A worker: jobs until `signal` aborts, each built as a local build would (sandbox, retries, atomic writes)
 * into `options.outDir`. Stopping lets the jobs in hand finish; a worker killed outright loses its jobs to
 * another worker once their lock expires, and a file is never half-written (every write is a rename).
 */
export async function runWorker(
  options: BuildOptions,
  root: string,
  hooks: WorkerHooks,
  publish: (item: PlannedArticle, context: BuildContext) => Promise<ArticleResult>,
): Promise<void> {
  const browsers = browserHandle({ tabs: options.jobs, timeoutMs: options.timeoutMs });
  const workDir = await mkdtemp(join(tmpdir(), 'imprint-worker-'));
  const limits = inputLimits(options);
  const worker = new Worker<ArticleJob, JobOutcome>(
    queueName,
    async (job: Job<ArticleJob>) => {
      const data = job.data;
      const file = relative(process.cwd(), resolve(root, data.file));
      const jobOptions: BuildOptions = {
        ...options,
        formats: data.editions,
        page: data.page,
        html: data.html,
        strict: data.strict,
        timeoutMs: data.timeoutMs,
      };
      const item: PlannedArticle = {
        file,
        slug: data.slug,
        editions: data.editions,
        fingerprint: data.fingerprint,
        warnings: [],
        ignoredFields: [],
        unknownFields: [],
        notes: [],
      };
      const result = await publish(item, { options: jobOptions, limits, browsers, workDir, hooks: {} });
      hooks.onDone?.(data, result);
      if (!result.ok) {
        // Bad input fails once; a crash or a hang may go better on another attempt (or another worker).
        const message = result.error.describe();
        throw result.error.location ? new UnrecoverableError(message) : new Error(message);
      }
      const { file: _file, warnings: _warnings, ...outcome } = result;
      return {
        ...outcome,
        written: result.written.map((written) => ({ ...written, path: relative(options.outDir, written.path) })),
      };
    },
    {
      connection: connectionFor(options.queue!),
      concurrency: options.jobs,
      lockDuration: lockMs,
      stalledInterval: lockMs / 3,
      maxStalledCount: 2,
    },
  );
  try {
    await worker.waitUntilReady();
    await new Promise<void>((done) => hooks.signal.addEventListener('abort', () => done(), { once: true }));
  } finally {
    // The jobs in hand finish; a queue that cannot be reached any more does not keep the worker from stopping.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), closeWaitMs)));
    if (await Promise.race([worker.close().then(() => false), gaveUp])) await worker.close(true);
    clearTimeout(timer);
    await browsers.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
