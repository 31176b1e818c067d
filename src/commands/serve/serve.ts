// imprint serve: build, serve the output folder on 127.0.0.1, watch the articles, their images, the config
// and the theme, rebuild what changed (incremental builds skip the rest) and reload the pages open in a
// browser. One Chromium for the whole session.
import { type FSWatcher, statSync, watch } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { build } from '../../build/build.js';
import { isCollectionFile, loadCollection } from '../../collection/collection-file.js';
import type { BuildOptions } from '../../config/options.js';
import { isOutside } from '../../paths.js';
import { closeBrowser, launchBrowser } from '../../render/browser.js';
import { report, summarize } from '../report.js';
import { staticFiles } from './static-files.js';

export interface ServeSetup {
  paths: string[];
  options: BuildOptions;
  /** The config file and the theme folder, when there are: watched too. */
  configFile: string | undefined;
  themeDir: string | undefined;
}

/** Served only by `imprint serve`, never written into the output. */
const reloadPath = '/__imprint/reload';
const reloadScript = `<script>new EventSource(${JSON.stringify(reloadPath)}).onmessage = () => location.reload();</script>`;

/**
 * Runs until `signal` aborts. `settings` is asked again before each build, so an edited imprint.yaml or
 * theme takes effect (and a broken one is reported, and the last good build stays served).
 */
export async function serve(
  settings: () => Promise<ServeSetup | undefined>,
  port: number,
  signal: AbortSignal,
): Promise<void> {
  const first = await settings();
  if (!first) return;
  const outDir = resolve(first.options.outDir);
  let browser: Promise<Browser> = launchBrowser({ timeoutMs: first.options.timeoutMs });
  browser.catch(() => undefined);

  const listeners = new Set<ServerResponse>();
  const files = staticFiles(outDir, reloadScript);
  const server = createServer((request, response) => {
    if (request.url === reloadPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    files(request, response).catch(() => response.destroy());
  });

  let watchers: FSWatcher[] = [];
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    const setup = await settings();
    if (!setup) return;
    if (!(await browser.catch(() => undefined))?.connected) {
      browser = launchBrowser({ timeoutMs: setup.options.timeoutMs });
      browser.catch(() => undefined);
    }
    const started = performance.now();
    const results = await build(setup.paths, setup.options, {
      browser,
      signal,
      onResult: report,
      onNote: (note) => console.error(`note: ${note}`),
    });
    // imprint.yaml may name other paths or another theme now.
    watchers = await rewatch(watchers, setup, outDir, onChange);
    const { failed, summary } = summarize(results);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // An editor's save can fire twice; a build that changed nothing reloads nothing and says nothing.
    if (failed === 0 && results.every((result) => result.ok && result.status === 'unchanged')) return;
    console.log(
      `${summary}${failed > 0 ? `, ${failed} failed` : ''} in ${seconds} s; reloading ${listeners.size} page${listeners.size === 1 ? '' : 's'}.`,
    );
    for (const listener of listeners) listener.write('data: reload\n\n');
  };
  // Edits come in bursts (an editor writes a file and its backup); one build follows the burst, and an edit
  // made during a build starts another after it.
  let timer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await rebuild().catch((error: unknown) =>
            console.error(`error: ${error instanceof Error ? error.message : String(error)}`),
          );
        } while (again && !signal.aborted);
      })().finally(() => (running = undefined));
    }, 150);
  };

  try {
    const results = await build(first.paths, first.options, {
      browser,
      signal,
      onResult: report,
      onNote: (note) => console.error(`note: ${note}`),
    });
    console.log(`${summarize(results).summary}.`);
    if (signal.aborted) return;
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    const { port: bound } = server.address() as AddressInfo;
    console.log(`serving ${first.options.outDir}/ at http://127.0.0.1:${bound}/  (watching for changes; Ctrl-C stops)`);
    watchers = await rewatch(watchers, first, outDir, onChange);
    await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  } finally {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    for (const listener of listeners) listener.end();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await running?.catch(() => undefined);
    await closeBrowser(browser);
  }
}

/**
 * Watches the articles' folders with everything in them (images live in subfolders), those of a
 * collection's articles wherever they are, the theme folder, and the config file's folder but not its
 * subfolders; changes inside the output folder are ignored.
 */
async function rewatch(
  previous: FSWatcher[],
  { paths, configFile, themeDir }: ServeSetup,
  outDir: string,
  onChange: () => void,
): Promise<FSWatcher[]> {
  for (const watcher of previous) watcher.close();
  const targets = new Map<string, boolean>();
  const add = (folder: string, recursive: boolean) =>
    targets.set(resolve(folder), (targets.get(resolve(folder)) ?? false) || recursive);
  // A collection that does not load now is reported by the build; its file is watched all the same.
  const collected = await Promise.all(
    paths.filter(isCollectionFile).map((file) =>
      loadCollection(file).then(
        (collection) => collection.sections.flatMap((section) => section.articles),
        () => [],
      ),
    ),
  );
  for (const path of [...paths, ...collected.flat(), ...(themeDir ? [themeDir] : [])]) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      continue; // a path that is gone is reported by the next build
    }
    add(isFolder ? path : dirname(path), true);
  }
  if (configFile) add(dirname(configFile), false);
  return [...targets].flatMap(([folder, recursive]) => {
    try {
      return [
        watch(folder, { recursive }, (_event, name) => {
          if (isOutside(outDir, name ? resolve(folder, name.toString()) : folder)) onChange();
        }),
      ];
    } catch {
      return [];
    }
  });
}
