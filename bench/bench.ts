// npm run bench: imprint against baselines measured in the same run, each run a fresh process, alternated.
//   npm run bench                 cold builds of the first article against a bare Puppeteer launch + page.pdf()
//   npm run bench -- --batch 100  N articles with a photo against the batch floor (bench/batch-floor.ts), per
//                                 edition set, with peak memory; plus an unchanged and a one-changed rebuild
//   npm run bench -- --collection 100   the same N articles as one collection, against building them as articles
//   npm run bench -- --queue 100  N articles through a local Redis queue with 1 and 2 workers, against a local build
//   npm run bench -- --photos     the image pipeline per 24-megapixel photo, cold and cached, against one decode
//   npm run bench -- --heavy      one article of 150 kB of words, 1.5 MB of words and 1.5 MB of one word, per byte
//   npm run bench -- --table      issue 25's rows, each against its floor or peer (bench/floor-table.ts);
//                                 --size N for the batch rows (default 100)
//   npm run bench -- --scale N    100, 1,000 and N articles: time per article, Node RSS, the tree's PSS
//   npm run bench -- --scripts    a cold build (every edition) of each tests/fixtures/world article, against a Latin
//                                 article of the same length with the same photo
// Figures are medians, printed as ratios to the baseline of this run.

import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareArticle } from '../src/article/article.js';
import { loadArticle } from '../src/article/load-article.js';
import { builtInStyle } from '../src/config/house-style.js';
import { articleView } from '../src/editions/page/article-view.js';
import { renderPrintHtml } from '../src/editions/page/print-html.js';
import { packageRoot } from '../src/paths.js';
import { launchBrowser } from '../src/render/browser.js';
import { firstArticle, photoJpeg, writeBatch } from './batch-fixture.js';
import { photosBench } from './bench-photos.js';
import { floorTable } from './floor-table.js';
import { heavyInputBench } from './heavy-input.js';
import { latinTwin } from './latin-twin.js';
import { type Measured, measure } from './measure.js';
import { scaleBench } from './scale.js';

const { values: flags } = parseArgs({
  options: {
    heavy: { type: 'boolean' },
    batch: { type: 'string' },
    collection: { type: 'string' },
    queue: { type: 'string' },
    scripts: { type: 'boolean' },
    photos: { type: 'boolean' },
    table: { type: 'boolean' },
    size: { type: 'string' },
    scale: { type: 'string' },
    runs: { type: 'string' },
  },
});
const work = mkdtempSync(join(tmpdir(), 'imprint-bench-'));
// The command as users run it (bin/imprint: Node with its malloc settings, then dist/cli/cli.js).
const cli = join(packageRoot, 'bin/imprint');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
let sequence = 0;
const out = () => join(work, `out-${sequence++}`);

if (flags.table)
  await floorTable(work, cli, packageRoot, await photo(), Number(flags.size ?? 100), Number(flags.runs ?? 3));
else if (flags.scale) await scaleBench(work, cli, packageRoot, await photo(), Number(flags.scale));
else if (flags.heavy) await heavyInputBench(work, cli, packageRoot, Number(flags.runs ?? 1));
else if (flags.batch) await batchBench(Number(flags.batch), Number(flags.runs ?? 3));
else if (flags.collection) await collectionBench(Number(flags.collection), Number(flags.runs ?? 3));
else if (flags.queue) await queueBench(Number(flags.queue), Number(flags.runs ?? 1));
else if (flags.scripts) await scriptsBench(Number(flags.runs ?? 3));
else if (flags.photos) await photosBench(Number(flags.runs ?? 3));
else await coldBench(Number(flags.runs ?? 7));

/**
 * N articles through a queue on a local Redis, with 1 and then 2 worker processes (each --jobs 2, sharing
 * this machine's two cores), against a local build of the same articles.
 */
async function queueBench(size: number, runs: number): Promise<void> {
  const dir = join(work, 'queue');
  await writePhotoBatch(dir, size);
  const port = 6300 + Math.floor(Math.random() * 600);
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((done) => setTimeout(done, 500));
  const url = `redis://127.0.0.1:${port}/0`;
  const formats = 'pdf,epub,press,archival';
  const rows: Record<string, number[]> = { local: [], '1 worker': [], '2 workers': [] };
  try {
    for (let run = 0; run < runs; run++) {
      rows.local!.push((await measure([cli, 'build', dir, '--formats', formats, '--out', out()], packageRoot)).ms);
      for (const [name, count] of [
        ['1 worker', 1],
        ['2 workers', 2],
      ] as const) {
        const target = out();
        const workers = Array.from({ length: count }, () =>
          spawn(cli, ['worker', '--queue', url, '--out', target, '--jobs', '2'], {
            cwd: packageRoot,
            stdio: 'ignore',
          }),
        );
        await new Promise((done) => setTimeout(done, 1500)); // workers up, browsers launched
        rows[name]!.push(
          (
            await measure(
              [cli, 'build', dir, '--formats', formats, '--out', target, '--queue', url, '--root', packageRoot],
              packageRoot,
            )
          ).ms,
        );
        for (const worker of workers) worker.kill('SIGTERM');
        await Promise.all(workers.map((worker) => new Promise((done) => worker.on('exit', done))));
      }
    }
  } finally {
    redis.kill('SIGTERM');
  }
  const base = median(rows.local!);
  console.log(
    `${size} articles with a photo, ${formats}, ${runs} run(s); workers started before the producer, each --jobs 2`,
  );
  for (const [name, series] of Object.entries(rows))
    console.log(`${name.padEnd(12)} ${s(median(series))}   ${(median(series) / base).toFixed(2)} × the local build`);
}

/** N articles as one collection, against the same N built as articles: the issue is to cost no more. */
async function collectionBench(size: number, runs: number): Promise<void> {
  const dir = join(work, 'collection');
  await writePhotoBatch(dir, size);
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const collectionFile = join(work, 'issue.yaml');
  writeFileSync(
    collectionFile,
    `collection:\n  title: A Bench Issue\n  date: 2024-04-20\n  publication: The Moscow Times\n  articles:\n${names.map((name) => `    - collection/${name}\n`).join('')}`,
  );
  const formats = 'pdf,epub,press,archival';
  const separate: Measured[] = [];
  const together: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    separate.push(await measure([cli, 'build', dir, '--formats', formats, '--out', out()], packageRoot));
    together.push(await measure([cli, 'build', collectionFile, '--formats', formats, '--out', out()], packageRoot));
  }
  const a = median(separate.map((m) => m.ms));
  const b = median(together.map((m) => m.ms));
  console.log(`${size} articles with a photo, ${formats}, ${runs} runs each, alternated, fresh processes`);
  console.log(`as ${size} articles      ${s(a)}   ${Math.max(...separate.map((m) => m.ownMiB)).toFixed(0)} MiB Node`);
  console.log(
    `as one collection    ${s(b)}   ${Math.max(...together.map((m) => m.ownMiB)).toFixed(0)} MiB Node   ${(b / a).toFixed(2)} × the articles`,
  );
}

async function batchBench(size: number, runs: number): Promise<void> {
  const dir = join(work, 'batch');
  const jpeg = await writePhotoBatch(dir, size);
  const floorScript = join(packageRoot, 'dist/bench/batch-floor.js');
  const sets = [
    ['pdf', 'pdf'],
    ['pdf,epub', 'pdf,epub'],
    ['all four', 'pdf,epub,press,archival'],
    ['all five', 'pdf,epub,press,archival,html'],
  ] as const;
  const rows = new Map<string, { floor: Measured[]; imprint: Measured[] }>(
    sets.map(([name]) => [name, { floor: [], imprint: [] }]),
  );
  for (let run = 0; run < runs; run++) {
    for (const [name, formats] of sets) {
      const row = rows.get(name)!;
      row.floor.push(await measure([floorScript, dir, out(), formats === 'pdf' ? 'pdf' : 'pdf,epub'], packageRoot));
      row.imprint.push(await measure([cli, 'build', dir, '--formats', formats, '--out', out()], packageRoot));
    }
  }
  console.log(
    `${size} articles with a 1400 × 933 photo, ${runs} runs each, alternated, fresh processes, ${process.env.HOSTNAME ?? 'this machine'}`,
  );
  console.log(
    'floor: one Chromium, two reused tabs, load + page.pdf(), plus a bare epub-gen-memory EPUB (no cover) for the EPUB sets',
  );
  console.log('edition set   floor      imprint    ratio   per article   peak memory imprint (Node / with Chromium)');
  for (const [name, { floor, imprint }] of rows) {
    const f = median(floor.map((m) => m.ms));
    const i = median(imprint.map((m) => m.ms));
    const own = Math.max(...imprint.map((m) => m.ownMiB));
    const tree = Math.max(...imprint.map((m) => m.treeMiB));
    console.log(
      `${name.padEnd(12)} ${s(f)}  ${s(i)}   ${(i / f).toFixed(2)} ×   ${(i / size).toFixed(0).padStart(5)} ms     ${own.toFixed(0)} MiB / ${tree.toFixed(0)} MiB`,
    );
  }

  // Incremental: everything up to date, then one article edited.
  const incremental = out();
  await measure([cli, 'build', dir, '--out', incremental], packageRoot);
  const unchanged = await measure([cli, 'build', dir, '--out', incremental], packageRoot);
  appendFileSync(join(dir, 'article-0000.md'), '\nOne more paragraph, added after publication.\n');
  const oneChanged = await measure([cli, 'build', dir, '--out', incremental], packageRoot);
  const single = join(work, 'single');
  mkdirSync(single);
  writeBatch(single, 1, jpeg);
  const cold = await measure([cli, 'build', single, '--out', out()], packageRoot);
  console.log(`rebuild, all ${size} unchanged     ${s(unchanged.ms)}`);
  console.log(
    `rebuild, 1 of ${size} changed      ${s(oneChanged.ms)}   (${(oneChanged.ms / cold.ms).toFixed(2)} × a cold build of one article, ${s(cold.ms).trim()})`,
  );
}

async function coldBench(runs: number): Promise<void> {
  const barePdf = join(packageRoot, 'dist/bench/bench-bare-pdf.js');
  // The exact page the build renders, written once for the baseline.
  const htmlPath = join(work, 'page.html');
  writeFileSync(
    htmlPath,
    renderPrintHtml(articleView(await prepareArticle(await loadArticle(firstArticle)), builtInStyle), 'a4', {
      justified: true,
    }).html,
  );
  const time = (args: string[]) => {
    const start = performance.now();
    const [first = '', ...rest] = args;
    // A script of the bench's runs in this Node; the imprint command runs as it is.
    if (first.endsWith('.js')) execFileSync(process.execPath, args, { stdio: 'ignore', cwd: packageRoot });
    else execFileSync(first, rest, { stdio: 'ignore', cwd: packageRoot });
    return performance.now() - start;
  };
  const build = (formats: string) => [cli, 'build', firstArticle, '--formats', formats, '--out', out()];
  const cases = {
    'pdf,epub': [] as number[],
    pdf: [] as number[],
    'pdf,press': [] as number[],
    'pdf,archival': [] as number[],
    'pdf,html': [] as number[],
    'pdf,epub,press,archival': [] as number[],
    'pdf,epub,press,archival,html': [] as number[],
    epub: [] as number[],
  };
  const baseline: number[] = [];
  time([barePdf, htmlPath, join(work, 'warm.pdf')]); // warm the OS file cache
  for (let i = 0; i < runs; i++) {
    baseline.push(time([barePdf, htmlPath, join(work, `bare-${i}.pdf`)]));
    for (const [formats, series] of Object.entries(cases)) series.push(time(build(formats)));
  }
  const base = median(baseline);
  console.log(`${runs} runs each, alternated, a fresh process per run, ${process.env.HOSTNAME ?? 'this machine'}`);
  console.log(`baseline: bare Puppeteer launch + page.pdf()   ${s(base)}`);
  for (const [formats, series] of Object.entries(cases)) {
    console.log(
      `imprint build --formats ${formats.padEnd(29)} ${s(median(series))}   ${(median(series) / base).toFixed(2)} × baseline`,
    );
  }
}

/** N articles with a photo each in `dir` (bench/batch-fixture.ts); the photo, for what else needs it. */
async function writePhotoBatch(dir: string, size: number): Promise<Uint8Array> {
  const jpeg = await photo();
  writeBatch(dir, size, jpeg);
  return jpeg;
}

/** The batch's photo, drawn by Chromium (bench/batch-fixture.ts). */
async function photo(): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    return await photoJpeg(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Each writing system's article against a Latin one of the same length: the first article's words repeated
 * to as many characters as the other's body, with the same photo and front matter fields.
 */
async function scriptsBench(runs: number): Promise<void> {
  const world = join(packageRoot, 'tests/fixtures/world');
  console.log('article (cold build, every edition)       its script   Latin, same length   ratio');
  for (const name of readdirSync(world)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const twin = latinTwin(join(world, name), work);
    const times: Record<'script' | 'latin', number[]> = { script: [], latin: [] };
    for (let run = 0; run < runs; run++) {
      times.script.push((await measure([cli, 'build', join(world, name), '--out', out()], packageRoot)).ms);
      times.latin.push((await measure([cli, 'build', twin, '--out', out()], packageRoot)).ms);
    }
    const [script, plain] = [median(times.script), median(times.latin)];
    console.log(`${name.padEnd(40)} ${s(script)}   ${s(plain)}            ${(script / plain).toFixed(2)}×`);
  }
}
