#!/usr/bin/env node
// The imprint command. The only module that prints or sets the exit code.
import { join, relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import * as v from 'valibot';
import { defaultLimitsMb } from './article/limits.js';
import type { ArticleResult } from './build/build.js';
import { report, summarize } from './commands/report.js';
import { closeBrowser, launchBrowser } from './render/browser.js';
import { ImprintError } from './errors.js';
import { formatDiagnostic } from './check/diagnostic.js';
import { buildOptionsSchema, type BuildOptions } from './config/options.js';
import { editions } from './edition.js';
import { toolVersion } from './paths.js';

const exitUsage = 2;

const program = new Command('imprint')
  .description('Publish Markdown news articles as a print-ready PDF and an EPUB 3.')
  .version(toolVersion)
  .exitOverride();

program
  .command('init')
  .description('Make a new project in DIR: imprint.yaml, an example article in content/ and a theme/ to edit.')
  .argument('[dir]', 'the folder (created if missing)', '.')
  .action(async (dir: string) => {
    const { initProject } = await import('./commands/init.js');
    for (const file of await initProject(dir)) console.log(`wrote ${relative(process.cwd(), file)}`);
    const enter = dir === '.' ? '' : `cd ${dir} && `;
    console.log(`\nNext: ${enter}imprint build   (then open output/; edit imprint.yaml and theme/ to make it yours)`);
  });

program
  .command('build')
  .description('Build every edition of each article into OUT/<slug>/<slug>.<ext>.')
  .argument('[paths...]', 'Markdown files or folders of them (default: build.paths in imprint.yaml, else content/)')
  .option('-c, --config <file>', 'the project\'s settings (default: imprint.yaml in this folder, if there is one)')
  .option('-o, --out <dir>', 'output folder (default output)')
  .option('-f, --formats <list>', `editions to build, comma-separated (default ${editions.join(',')})`)
  .option('-p, --page <size>', 'a4, letter or a trim size like "6in x 9in", for every article (overrides the article\'s own)')
  .option('-j, --jobs <n>', 'browser tabs rendering at once (default 3, for two cores)')
  .option('--strict', 'editorial warnings (see imprint check) stop the article')
  .option('--force', 'build every article, even those whose files are up to date')
  .option('-t, --timeout <seconds>', 'limit for each article\'s page in the browser, and for every call to it (default 60)')
  .option('--html', 'allow raw HTML in Markdown (sanitised with an allow-list; off by default)')
  .option('--max-article-mb <n>', `refuse articles larger than this (default ${defaultLimitsMb.article})`)
  .option('--max-image-mb <n>', `refuse images larger than this (default ${defaultLimitsMb.image})`)
  .option('--queue <url>', 'render on the workers of this BullMQ queue (redis://HOST:PORT[/DB]) instead of here')
  .option('--root <dir>', 'with --queue: the shared folder that article paths are relative to, on every machine (default .)')
  .option('--shard <i/n>', 'build only this machine\'s part of the articles (I of N, by slug); merge the parts with imprint manifest merge')
  .action(async (given: string[], flags: Flags) => {
    const setup = await projectSettings(given, flags);
    if (!setup) return;
    const { paths, options } = setup;
    // Chromium starts first; the pipeline's modules load while it boots (the two overlap on two cores).
    // With --queue the workers render the articles; the build launches a browser of its own only for collections.
    const browser = options.queue ? undefined : launchBrowser({ timeoutMs: options.timeoutMs });
    browser?.catch(() => undefined);
    const { build } = await import('./build/build.js');
    const { progressLine } = await import('./commands/progress.js');
    const stop = stopOnSignals(() => closeBrowser(browser));
    let progress = progressLine(0);
    let results: ArticleResult[];
    try {
      results = await build(paths, options, {
        ...(browser && { browser }),
        signal: stop.signal,
        onPlan: ({ total, unchanged }) => (progress = progressLine(total - unchanged)),
        onStart: (file) => progress.started(file),
        onRetry: (file, reason) => progress.print(() => console.error(`retrying ${file} after: ${reason}`)),
        onNote: (note) => progress.print(() => console.error(`note: ${note}`)),
        // Once stopped, every article still under way is "interrupted": the summary says it once.
        onResult: (result) => {
          if (!result.ok || result.status === 'built') progress.finished(result.file);
          if (!(stop.signal.aborted && !result.ok)) progress.print(() => report(result));
        },
      });
    } finally {
      progress.stop();
      stop.dispose();
      await closeBrowser(browser);
    }
    const { failed, summary } = summarize(results);
    if (stop.signal.aborted) {
      console.error(`interrupted: ${summary} of ${results.length} articles; the rest were not written.`);
      process.exitCode = stop.signal.reason === 'SIGTERM' ? 143 : 130;
    } else if (failed > 0) {
      console.error(`${summary}, ${failed} failed.`);
      process.exitCode = 1;
    } else {
      console.log(`${summary}.`);
    }
  });

/**
 * Ctrl-C or SIGTERM: say so, abort the returned signal and run `onStop`. For a build: no new article starts,
 * `onStop` closes the browser so pages under way end, and the build removes its temporary files; finished
 * editions stay. For serve and a worker: what is in hand finishes first. A second signal exits at once.
 */
function stopOnSignals(onStop: () => Promise<void> = async () => undefined, saying = 'stopping; finished editions are kept and nothing half-written is left.') {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGTERM' ? 143 : 130;
    if (controller.signal.aborted) process.exit(code);
    console.error(`${signal}: ${saying}`);
    controller.abort(signal);
    void onStop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

program
  .command('serve')
  .description('Build, serve the output folder on 127.0.0.1, and rebuild and reload the pages whenever an article, image, imprint.yaml or the theme changes.')
  .argument('[paths...]', 'Markdown files or folders of them (default: build.paths in imprint.yaml, else content/)')
  .option('-c, --config <file>', 'the project\'s settings (default: imprint.yaml in this folder, if there is one)')
  .option('-o, --out <dir>', 'output folder (default output)')
  .option('--port <n>', 'the port on 127.0.0.1 (default 4000; 0 picks a free one)', '4000')
  .option('-f, --formats <list>', `editions to build, comma-separated (default ${editions.join(',')})`)
  .option('-j, --jobs <n>', 'browser tabs rendering at once (default 3)')
  .option('-t, --timeout <seconds>', 'limit for each article\'s page in the browser (default 60)')
  .action(async (given: string[], flags: Flags & { port: string }) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error('imprint: --port takes a number from 0 to 65535');
      process.exitCode = exitUsage;
      return;
    }
    const { serve } = await import('./commands/serve/serve.js');
    const stop = stopOnSignals();
    try {
      await serve(async () => {
        const setup = await projectSettings(given, flags);
        return setup && { ...setup, themeDir: setup.options.style.theme?.root };
      }, port, stop.signal);
    } finally {
      stop.dispose();
    }
    // Stopped with Ctrl-C (or SIGTERM) is how a preview ends: not a failure.
    if (stop.signal.aborted) process.exitCode = 0;
  });

program
  .command('worker')
  .description('Take articles from a BullMQ queue (imprint build --queue) and build them into OUT until stopped (SIGTERM or Ctrl-C: the jobs in hand finish first).')
  .requiredOption('--queue <url>', 'the queue: redis://HOST:PORT[/DB]')
  .option('-c, --config <file>', 'the project\'s settings (default: imprint.yaml in this folder, if there is one)')
  .option('-o, --out <dir>', 'the shared output folder (default output)')
  .option('--root <dir>', 'the shared folder that article paths are relative to (default .)')
  .option('-j, --jobs <n>', 'articles at once (browser tabs; default 3)')
  .action(async (flags: Flags & { queue: string }) => {
    const setup = await projectSettings([], flags);
    if (!setup) return;
    const { runWorker } = await import('./build/queue.js');
    const { publishWithRetry } = await import('./build/build.js');
    const stop = stopOnSignals(undefined, 'finishing the articles in hand, then stopping.');
    console.log(`worker: taking articles from ${flags.queue} into ${setup.options.outDir}/ (${setup.options.jobs} at once)`);
    try {
      await runWorker(setup.options, setup.options.root, { signal: stop.signal, onDone: (_job, result) => report(result) }, publishWithRetry);
    } finally {
      stop.dispose();
    }
    console.log('worker: stopped.');
  });

program
  .command('manifest')
  .description('Work on a build\'s manifest.')
  .command('merge')
  .description('Join the manifest parts that sharded builds (--shard I/N) wrote in DIR into DIR/manifest.json; conflicting parts are refused.')
  .argument('[dir]', 'the shared output folder', 'output')
  .action(async (dir: string) => {
    const { mergeManifestParts } = await import('./output/merge-manifests.js');
    const { parts, articles } = await mergeManifestParts(dir);
    console.log(`merged ${parts.length} part${parts.length === 1 ? '' : 's'} into ${join(dir, 'manifest.json')}: ${articles} articles.`);
  });

program
  .command('check')
  .description('Report input errors and editorial problems (dead links, broken paragraphs, missing alt text and credits) as path:line:col  rule  message.')
  .argument('[paths...]', 'Markdown files or folders of them (default: build.paths in imprint.yaml, else content/)')
  .option('-c, --config <file>', 'the project\'s settings (default: imprint.yaml in this folder, if there is one)')
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'exit 1 on warnings too')
  .option('--max-article-mb <n>', `refuse articles larger than this (default ${defaultLimitsMb.article})`)
  .option('--max-image-mb <n>', `refuse images larger than this (default ${defaultLimitsMb.image})`)
  .action(async (given: string[], flags: Flags & { json?: boolean }) => {
    const setup = await projectSettings(given, flags);
    if (!setup) return;
    const { paths, options } = setup;
    const { checkFiles } = await import('./commands/check-files.js');
    const limits = { maxArticleBytes: options.maxArticleMb * 1e6, maxImageBytes: options.maxImageMb * 1e6 };
    const diagnostics = await checkFiles(paths, limits, options, (note) => console.error(`note: ${note}`));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (flags.json) {
      console.log(JSON.stringify(diagnostics, null, 2));
    } else {
      for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
      console.error(diagnostics.length === 0 ? 'no problems found.' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
    }
    if (errors > 0 || (options.strict && warnings > 0)) process.exitCode = 1;
  });

program
  .command('verify')
  .description('Re-hash every file output/manifest.json lists; report the missing and the changed (exit 1).')
  .argument('[dir]', 'the folder a build wrote', 'output')
  .action(async (dir: string) => {
    const { verifyOutput } = await import('./output/verify.js');
    const report = await verifyOutput(dir);
    for (const problem of report.problems) console.log(`${problem.problem.toUpperCase()}  ${join(dir, problem.path)}  ${problem.detail}`);
    if (report.problems.length > 0) {
      console.error(`${report.problems.length} of ${report.checked} files missing or changed.`);
      process.exitCode = 1;
    } else {
      console.log(`all ${report.checked} files match the manifest.`);
    }
  });

interface Flags {
  config?: string;
  queue?: string;
  root?: string;
  shard?: string;
  out?: string;
  formats?: string;
  page?: string;
  jobs?: string;
  strict?: boolean;
  force?: boolean;
  timeout?: string;
  html?: boolean;
  maxArticleMb?: string;
  maxImageMb?: string;
}

/**
 * The articles to work on and the options, from imprint.yaml (if any) with the command line's flags over it;
 * the theme loaded and checked. Prints the first problem and sets the usage exit code when they are wrong.
 */
async function projectSettings(given: string[], flags: Flags): Promise<{ paths: string[]; options: BuildOptions; configFile: string | undefined } | undefined> {
  const { loadConfig } = await import('./config/config.js');
  const { loadHouseStyle } = await import('./config/load-house-style.js');
  let config, style;
  try {
    config = await loadConfig(flags.config);
    style = await loadHouseStyle(config);
  } catch (error) {
    if (!(error instanceof ImprintError)) throw error;
    console.error(`error: ${error.describe()}`);
    process.exitCode = exitUsage;
    return undefined;
  }
  const fromConfig = config?.build ?? {};
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const defined = <T extends object>(object: T) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  const parsed = v.safeParse(buildOptionsSchema, {
    ...defined({
      outDir: fromConfig.out,
      formats: fromConfig.formats,
      page: fromConfig.page,
      jobs: fromConfig.jobs,
      strict: fromConfig.strict,
      html: fromConfig.html,
      timeoutMs: fromConfig.timeout === undefined ? undefined : fromConfig.timeout * 1000,
      maxArticleMb: fromConfig['max-article-mb'],
      maxImageMb: fromConfig['max-image-mb'],
    }),
    ...defined({
      outDir: flags.out,
      formats: flags.formats?.split(',').map((format) => format.trim()).filter(Boolean),
      page: flags.page,
      jobs: number(flags.jobs),
      strict: flags.strict,
      force: flags.force,
      html: flags.html,
      timeoutMs: flags.timeout === undefined ? undefined : Number(flags.timeout) * 1000,
      maxArticleMb: number(flags.maxArticleMb),
      maxImageMb: number(flags.maxImageMb),
      queue: flags.queue,
      root: flags.root,
      shard: flags.shard,
    }),
    style,
  });
  if (!parsed.success) {
    console.error(`imprint: ${parsed.issues[0].message}`);
    process.exitCode = exitUsage;
    return undefined;
  }
  const paths = given.length > 0 ? given : (fromConfig.paths ?? ['content']);
  return { paths, options: parsed.output, configFile: config?.file };
}

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed the usage message; help and --version are not failures.
    process.exitCode = error.exitCode === 0 ? 0 : exitUsage;
  } else if (error instanceof ImprintError) {
    console.error(`error: ${error.describe()}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
