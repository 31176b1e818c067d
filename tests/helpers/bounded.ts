// Runs imprint's loading stages (read, check, prepare, hyphenate: everything before the browser) on one file
// in a worker thread that is terminated after a limit, so a test of a slow input fails instead of hanging.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const dist = pathToFileURL(resolve('dist/src')).href;

const stages = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  const { loadArticle } = await import('${dist}/article/load-article.js');
  const { checkArticle } = await import('${dist}/check/check-article.js');
  const { prepareArticle } = await import('${dist}/article/article.js');
  const { hyphenateHtml, hyphenatorFor } = await import('${dist}/editions/page/hyphenate.js');
  try {
    const source = await loadArticle(workerData.file);
    const warnings = checkArticle(source);
    const article = await prepareArticle(source);
    const hyphenate = await hyphenatorFor(article.meta.lang);
    if (hyphenate) await hyphenateHtml(article.bodyHtml, hyphenate);
    parentPort.postMessage({ ok: true, warnings: warnings.map((w) => w.rule), bodyBytes: article.bodyHtml.length });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.message) });
  }
})();
`;

export type StagesOutcome =
  | { ok: true; warnings: string[]; bodyBytes: number }
  | { ok: false; error: string }
  | { timedOut: true };

/** The loading stages on `file`, or `{ timedOut: true }` when they take longer than `ms`. */
export function loadWithin(file: string, ms: number): Promise<StagesOutcome> {
  return new Promise((done, fail) => {
    const worker = new Worker(stages, { eval: true, workerData: { file } });
    const timer = setTimeout(() => void worker.terminate().then(() => done({ timedOut: true })), ms);
    worker.once('message', (outcome: StagesOutcome) => {
      clearTimeout(timer);
      void worker.terminate().then(() => done(outcome));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
  });
}

const serving = `
const { parentPort } = require('node:worker_threads');
(async () => {
  const { loadArticle } = await import('${dist}/article/load-article.js');
  const { checkArticle } = await import('${dist}/check/check-article.js');
  const { prepareArticle } = await import('${dist}/article/article.js');
  const { hyphenateHtml, hyphenatorFor } = await import('${dist}/editions/page/hyphenate.js');
  const { ImprintError } = await import('${dist}/errors.js');
  parentPort.on('message', async (file) => {
    try {
      const source = await loadArticle(file);
      checkArticle(source);
      const article = await prepareArticle(source);
      const hyphenate = await hyphenatorFor(article.meta.lang);
      if (hyphenate) await hyphenateHtml(article.bodyHtml, hyphenate);
      parentPort.postMessage({ ok: true });
    } catch (error) {
      if (error instanceof ImprintError) parentPort.postMessage({ ok: false, refused: { file: error.location && error.location.file, message: error.message } });
      else parentPort.postMessage({ ok: false, internal: String(error && error.stack || error) });
    }
  });
  parentPort.postMessage('ready');
})();
`;

export type LoadOutcome =
  | { ok: true }
  | { ok: false; refused: { file: string | undefined; message: string } }
  | { ok: false; internal: string }
  | { timedOut: true };

/** A worker that runs the loading stages on one file after another; a file that takes longer than `ms` ends it (and a new one starts). */
export function loadingWorker(ms: number) {
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  const start = () => {
    worker = new Worker(serving, { eval: true });
    const started = worker;
    ready = new Promise((resolve) => started.once('message', () => resolve()));
  };
  return {
    async load(file: string): Promise<LoadOutcome> {
      if (!worker) start();
      await ready;
      const current = worker!;
      return new Promise((done) => {
        const timer = setTimeout(() => {
          worker = undefined;
          void current.terminate().then(() => done({ timedOut: true }));
        }, ms);
        current.once('message', (outcome: LoadOutcome) => {
          clearTimeout(timer);
          done(outcome);
        });
        current.postMessage(file);
      });
    },
    close: () => worker?.terminate(),
  };
}
