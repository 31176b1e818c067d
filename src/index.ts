// imprint as a library: `build`, `check` and `verify` do what the commands of the same name do, and return the
// documents `--json` prints (commands/json-report.ts). The CLI is a thin caller of these three.

import { inputLimits } from './article/limits.js';
import type { ArticleResult, BuildHooks } from './build/build-result.js';
import {
  type BuildReport,
  buildJson,
  type CheckReport,
  checkJson,
  exitCodes,
  type VerifyJson,
  verifyJson,
} from './commands/json-report.js';
import { loadProject, type ProjectSettings } from './commands/project-settings.js';
import { needsBrowser } from './edition.js';
import { closeBrowser, launchBrowser } from './render/browser.js';

export type { ArticleResult, WrittenFile } from './build/build-result.js';
export type { Diagnostic } from './check/diagnostic.js';
export type { BuildReport, CheckReport, VerifyJson as VerifyReport } from './commands/json-report.js';
export { buildReportSchema, checkReportSchema, exitCodes, verifyReportSchema } from './commands/json-report.js';
export { type ProjectSettings, UsageError } from './commands/project-settings.js';
export { type Edition, editions } from './edition.js';
export { type ErrorLocation, ImprintError } from './errors.js';

export interface BuildSettings extends ProjectSettings, Omit<BuildHooks, 'browser' | 'launched' | 'onNote'> {
  /** Something left out or read differently (a draft, a README, site-generator fields); also in the report's notes. */
  onNote?: (note: string) => void;
}

/**
 * Builds the articles and collections at `paths` (default: imprint.yaml's `build.paths`, else `content/`) into
 * every edition asked for. Never throws for an article's problem: each is a failed entry of the report. Throws
 * `UsageError` when the settings or imprint.yaml cannot work. Aborting `signal` stops the build: no new article
 * starts, those under way are not written, the browser is closed.
 */
export async function build(paths: readonly string[] = [], settings: BuildSettings = {}): Promise<BuildReport> {
  const { paths: inputs, options } = await loadProject(paths, settings);
  const { signal, onNote, ...hooks } = settings;
  // Chromium starts first when an edition needs it; the pipeline's modules load while it boots (the two
  // overlap on two cores). EPUBs alone need none (their cover is drawn without it). With a queue the workers
  // render the articles, and the build launches a browser of its own only for collections. The build closes
  // it once no publication needs it (closed here too, should the build stop before it takes it).
  const browser =
    options.queue || !needsBrowser(options.formats) ? undefined : launchBrowser({ timeoutMs: options.timeoutMs });
  browser?.catch(() => undefined);
  const close = () => void closeBrowser(browser);
  signal?.addEventListener('abort', close, { once: true });
  const notes: string[] = [];
  let results: ArticleResult[];
  try {
    const { build: runBuild } = await import('./build/build.js');
    results = await runBuild(inputs, options, {
      ...hooks,
      ...(browser && { launched: browser }),
      ...(signal && { signal }),
      onNote: (note) => {
        notes.push(note);
        onNote?.(note);
      },
    });
  } finally {
    signal?.removeEventListener('abort', close);
    await closeBrowser(browser);
  }
  const interrupted = signal?.aborted ?? false;
  const failed = results.some((result) => !result.ok);
  const exitCode = interrupted
    ? signal?.reason === 'SIGTERM'
      ? exitCodes.terminated
      : exitCodes.interrupted
    : failed
      ? exitCodes.failed
      : exitCodes.ok;
  return buildJson(results, notes, exitCode, interrupted);
}

/** Every article's input errors and editorial warnings, without rendering; `strict` makes warnings fail too. */
export async function check(
  paths: readonly string[] = [],
  settings: ProjectSettings & { onNote?: (note: string) => void } = {},
): Promise<CheckReport> {
  const { paths: inputs, options } = await loadProject(paths, settings);
  const { checkFiles } = await import('./commands/check-files.js');
  const notes: string[] = [];
  const diagnostics = await checkFiles(inputs, inputLimits(options), options, (note) => {
    notes.push(note);
    settings.onNote?.(note);
  });
  const errors = diagnostics.some((d) => d.severity === 'error');
  const failed = errors || (options.strict && diagnostics.length > 0);
  return checkJson(diagnostics, notes, failed ? exitCodes.failed : exitCodes.ok);
}

/** Re-hashes every file `outDir/manifest.json` lists; the missing and the changed are its problems. */
export async function verify(outDir = 'output'): Promise<VerifyJson> {
  const { verifyOutput } = await import('./output/verify.js');
  return verifyJson(await verifyOutput(outDir), outDir);
}
