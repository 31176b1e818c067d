#!/usr/bin/env node
// The imprint command: its subcommands and their flags. It and the command line's own modules it calls
// (commands/: the report, the progress line, the signals) are the only ones that print or set the exit code.
import { join, relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { defaultLimitsMb } from './article/limits.js';
import { formatDiagnostic } from './check/diagnostic.js';
import { type Flags, settingsFrom } from './commands/cli-flags.js';
import { exitCodes } from './commands/json-report.js';
import { loadProject, type Project, UsageError } from './commands/project-settings.js';
import { report, summaryLine } from './commands/report.js';
import { stopOnSignals } from './commands/stop-signals.js';
import { editions } from './edition.js';
import { ImprintError } from './errors.js';
import { defaultMaxMegapixels } from './images/image-settings.js';
import { build, check, verify } from './index.js';
import { toolVersion } from './paths.js';

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
  .option('-c, --config <file>', "the project's settings (default: imprint.yaml in this folder, if there is one)")
  .option('-o, --out <dir>', 'output folder (default output)')
  .option('-f, --formats <list>', `editions to build, comma-separated (default ${editions.join(',')})`)
  .option(
    '-p, --page <size>',
    'a4, letter or a trim size like "6in x 9in", for every article (overrides the article\'s own)',
  )
  .option('-j, --jobs <n>', 'browser tabs rendering at once (default 3, for two cores)')
  .option('--strict', 'editorial warnings (see imprint check) stop the article')
  .option('--force', 'build every article, even those whose files are up to date')
  .option(
    '-t, --timeout <seconds>',
    "limit for each article's page in the browser, and for every call to it (default 60)",
  )
  .option('--html', 'allow raw HTML in Markdown (sanitised with an allow-list; off by default)')
  .option(
    '--fetch-images',
    'download remote photos from any public host, once, into .imprint-cache/ (imprint.yaml images.fetch: lists hosts instead)',
  )
  .option('--max-article-mb <n>', `refuse articles larger than this (default ${defaultLimitsMb.article})`)
  .option('--max-image-mb <n>', `refuse images larger than this (default ${defaultLimitsMb.image})`)
  .option(
    '--max-image-megapixels <n>',
    `refuse photos with more pixels than this, checked before decoding (default ${defaultMaxMegapixels})`,
  )
  .option('--queue <url>', 'render on the workers of this BullMQ queue (redis://HOST:PORT[/DB]) instead of here')
  .option(
    '--root <dir>',
    'with --queue: the shared folder that article paths are relative to, on every machine (default .)',
  )
  .option(
    '--shard <i/n>',
    "build only this machine's part of the articles (I of N, by slug); merge the parts with imprint manifest merge",
  )
  .option(
    '--json',
    'print one JSON document: each article\'s result, diagnostics and files (see the README, "imprint in CI")',
  )
  .action(async (given: string[], flags: Flags & { json?: boolean }) => {
    const { progressLine } = await import('./commands/progress.js');
    const stop = stopOnSignals(undefined, true);
    let progress = progressLine(0);
    try {
      const outcome = await build(given, {
        ...settingsFrom(flags),
        signal: stop.signal,
        onPlan: ({ total, unchanged }) => (progress = progressLine(total - unchanged)),
        onStart: (file) => progress.started(file),
        onRetry: (file, reason) => progress.print(() => console.error(`retrying ${file} after: ${reason}`)),
        onNote: (note) => progress.print(() => console.error(`note: ${note}`)),
        // Once stopped, every article still under way is "interrupted": the summary says it once.
        onResult: (result) => {
          if (!result.ok || result.status === 'built') progress.finished(result.file);
          if (!flags.json && !(stop.signal.aborted && !result.ok)) progress.print(() => report(result));
        },
      });
      progress.stop();
      const { built, unchanged, failed, interrupted } = outcome.summary;
      const summary = summaryLine({ built, unchanged });
      if (flags.json) console.log(JSON.stringify(outcome, null, 2));
      if (interrupted)
        console.error(`interrupted: ${summary} of ${outcome.articles.length} articles; the rest were not written.`);
      else if (failed > 0) console.error(`${summary}, ${failed} failed.`);
      else if (!flags.json) console.log(`${summary}.`);
      process.exitCode = outcome.exitCode;
    } finally {
      progress.stop();
      stop.dispose();
    }
  });

program
  .command('serve')
  .description(
    'Build, serve the output folder on 127.0.0.1, and rebuild and reload the pages whenever an article, image, imprint.yaml or the theme changes.',
  )
  .argument('[paths...]', 'Markdown files or folders of them (default: build.paths in imprint.yaml, else content/)')
  .option('-c, --config <file>', "the project's settings (default: imprint.yaml in this folder, if there is one)")
  .option('-o, --out <dir>', 'output folder (default output)')
  .option('--port <n>', 'the port on 127.0.0.1 (default 4000; 0 picks a free one)', '4000')
  .option('-f, --formats <list>', `editions to build, comma-separated (default ${editions.join(',')})`)
  .option('-j, --jobs <n>', 'browser tabs rendering at once (default 3)')
  .option('-t, --timeout <seconds>', "limit for each article's page in the browser (default 60)")
  .action(async (given: string[], flags: Flags & { port: string }) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error('imprint: --port takes a number from 0 to 65535');
      process.exitCode = exitCodes.usage;
      return;
    }
    const { serve } = await import('./commands/serve/serve.js');
    const stop = stopOnSignals();
    try {
      await serve(
        async () => {
          const setup = await projectSettings(given, flags);
          return setup && { ...setup, themeDir: setup.options.style.theme?.root };
        },
        port,
        stop.signal,
      );
    } finally {
      stop.dispose();
    }
    // Stopped with Ctrl-C (or SIGTERM) is how a preview ends: not a failure.
    if (stop.signal.aborted) process.exitCode = 0;
  });

program
  .command('worker')
  .description(
    'Take articles from a BullMQ queue (imprint build --queue) and build them into OUT until stopped (SIGTERM or Ctrl-C: the jobs in hand finish first).',
  )
  .requiredOption('--queue <url>', 'the queue: redis://HOST:PORT[/DB]')
  .option('-c, --config <file>', "the project's settings (default: imprint.yaml in this folder, if there is one)")
  .option('-o, --out <dir>', 'the shared output folder (default output)')
  .option('--root <dir>', 'the shared folder that article paths are relative to (default .)')
  .option('-j, --jobs <n>', 'articles at once (browser tabs; default 3)')
  .action(async (flags: Flags & { queue: string }) => {
    const setup = await projectSettings([], flags);
    if (!setup) return;
    const { runWorker } = await import('./build/queue.js');
    const { publishWithRetry } = await import('./build/publish-article.js');
    const stop = stopOnSignals('finishing the articles in hand, then stopping.');
    console.log(
      `worker: taking articles from ${flags.queue} into ${setup.options.outDir}/ (${setup.options.jobs} at once)`,
    );
    try {
      await runWorker(
        setup.options,
        setup.options.root,
        { signal: stop.signal, onDone: (_job, result) => report(result) },
        publishWithRetry,
      );
    } finally {
      stop.dispose();
    }
    console.log('worker: stopped.');
  });

program
  .command('manifest')
  .description("Work on a build's manifest.")
  .command('merge')
  .description(
    'Join the manifest parts that sharded builds (--shard I/N) wrote in DIR into DIR/manifest.json; conflicting parts are refused.',
  )
  .argument('[dir]', 'the shared output folder', 'output')
  .action(async (dir: string) => {
    const { mergeManifestParts } = await import('./output/merge-manifests.js');
    const { parts, articles } = await mergeManifestParts(dir);
    console.log(
      `merged ${parts.length} part${parts.length === 1 ? '' : 's'} into ${join(dir, 'manifest.json')}: ${articles} articles.`,
    );
  });

program
  .command('check')
  .description(
    'Report input errors and editorial problems (dead links, broken paragraphs, missing alt text and credits) as path:line:col  rule  message.',
  )
  .argument('[paths...]', 'Markdown files or folders of them (default: build.paths in imprint.yaml, else content/)')
  .option('-c, --config <file>', "the project's settings (default: imprint.yaml in this folder, if there is one)")
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'exit 1 on warnings too')
  .option('--max-article-mb <n>', `refuse articles larger than this (default ${defaultLimitsMb.article})`)
  .option('--max-image-mb <n>', `refuse images larger than this (default ${defaultLimitsMb.image})`)
  .option(
    '--max-image-megapixels <n>',
    `refuse photos with more pixels than this, checked before decoding (default ${defaultMaxMegapixels})`,
  )
  .action(async (given: string[], flags: Flags & { json?: boolean }) => {
    const outcome = await check(given, { ...settingsFrom(flags), onNote: (note) => console.error(`note: ${note}`) });
    if (flags.json) {
      console.log(JSON.stringify(outcome, null, 2));
    } else {
      const { errors, warnings } = outcome.summary;
      for (const diagnostic of outcome.diagnostics) console.log(formatDiagnostic(diagnostic));
      console.error(
        outcome.diagnostics.length === 0
          ? 'no problems found.'
          : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
      );
    }
    process.exitCode = outcome.exitCode;
  });

program
  .command('verify')
  .description('Re-hash every file output/manifest.json lists; report the missing and the changed (exit 1).')
  .argument('[dir]', 'the folder a build wrote', 'output')
  .option('--json', 'print one JSON document: the files checked and the problems')
  .action(async (dir: string, flags: { json?: boolean }) => {
    const outcome = await verify(dir);
    if (flags.json) console.log(JSON.stringify(outcome, null, 2));
    else
      for (const problem of outcome.problems)
        console.log(`${problem.problem.toUpperCase()}  ${problem.path}  ${problem.detail}`);
    if (!flags.json) {
      if (outcome.problems.length > 0)
        console.error(`${outcome.problems.length} of ${outcome.checked} files missing or changed.`);
      else console.log(`all ${outcome.checked} files match the manifest.`);
    }
    process.exitCode = outcome.exitCode;
  });

/** The project for serve and the worker, or undefined (the problem printed, the usage exit code set). */
async function projectSettings(given: string[], flags: Flags): Promise<Project | undefined> {
  try {
    return await loadProject(given, settingsFrom(flags));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printUsageError(error);
    return undefined;
  }
}

function printUsageError(error: UsageError): void {
  // A wrong imprint.yaml names its file and line; a wrong flag is the command's own problem.
  console.error(error.location ? `error: ${error.describe()}` : `imprint: ${error.message}`);
  process.exitCode = exitCodes.usage;
}

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed the usage message; help and --version are not failures.
    process.exitCode = error.exitCode === 0 ? 0 : exitCodes.usage;
  } else if (error instanceof UsageError) {
    printUsageError(error);
  } else if (error instanceof ImprintError) {
    console.error(`error: ${error.describe()}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
