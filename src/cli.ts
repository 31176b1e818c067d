#!/usr/bin/env node
// The imprint command. The only module that prints or sets the exit code.
import { relative } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import * as v from 'valibot';
import { pageSizes } from './article/front-matter.js';
import { defaultLimitsMb } from './article/limits.js';
import type { ArticleResult, WrittenFile } from './build.js';
import { launchBrowser } from './browser.js';
import { ImprintError } from './errors.js';
import { formatSize } from './format-size.js';
import { buildOptionsSchema, editions } from './options.js';
import { toolVersion } from './paths.js';

const exitUsage = 2;

const program = new Command('imprint')
  .description('Publish Markdown news articles as a print-ready PDF and an EPUB 3.')
  .version(toolVersion)
  .exitOverride();

program
  .command('build')
  .description('Build every edition of each article into OUT/<slug>/<slug>.<ext>.')
  .argument('[paths...]', 'Markdown files or folders of them', ['content'])
  .option('-o, --out <dir>', 'output folder', 'output')
  .addOption(new Option('-f, --formats <list>', `editions to build, comma-separated: ${editions.join(',')}`).default(editions.join(',')))
  .addOption(new Option('-p, --page <size>', "page size for every article (overrides the article's own)").choices(pageSizes))
  .option('-j, --jobs <n>', 'articles rendered at once', '2')
  .option('--max-article-mb <n>', `refuse articles larger than this (default ${defaultLimitsMb.article})`)
  .option('--max-image-mb <n>', `refuse images larger than this (default ${defaultLimitsMb.image})`)
  .action(async (paths: string[], flags: { out: string; formats: string; page?: string; jobs: string; maxArticleMb?: string; maxImageMb?: string }) => {
    const parsed = v.safeParse(buildOptionsSchema, {
      outDir: flags.out,
      formats: flags.formats.split(',').map((format) => format.trim()).filter(Boolean),
      page: flags.page,
      jobs: Number(flags.jobs),
      maxArticleMb: flags.maxArticleMb === undefined ? undefined : Number(flags.maxArticleMb),
      maxImageMb: flags.maxImageMb === undefined ? undefined : Number(flags.maxImageMb),
    });
    if (!parsed.success) {
      console.error(`imprint: ${parsed.issues[0].message}`);
      process.exitCode = exitUsage;
      return;
    }
    // Chromium starts first; the pipeline's modules load while it boots (the two overlap on two cores).
    const browser = launchBrowser();
    browser.catch(() => undefined);
    const { build, closeBrowser } = await import('./build.js');
    let results: ArticleResult[];
    try {
      results = await build(paths, parsed.output, { browser, onResult: report });
    } finally {
      await closeBrowser(browser);
    }
    const failed = results.filter((result) => !result.ok).length;
    const built = results.length - failed;
    const summary = `${built} of ${results.length} article${results.length === 1 ? '' : 's'} built`;
    if (failed > 0) {
      console.error(`${summary}; ${failed} failed.`);
      process.exitCode = 1;
    } else {
      console.log(`${summary}.`);
    }
  });

function report(result: ArticleResult): void {
  if (result.ok) {
    for (const file of result.written) console.log(describeWritten(file));
  } else {
    console.error(`error: ${result.error.describe()}`);
  }
}

function describeWritten(file: WrittenFile): string {
  const pages = file.pages === undefined ? '' : `${file.pages} page${file.pages === 1 ? '' : 's'}, `;
  return `wrote ${relative(process.cwd(), file.path)}  (${pages}${formatSize(file.bytes)})`;
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
