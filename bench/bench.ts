// npm run bench: cold builds of the first article, each a fresh process, against a bare Puppeteer launch +
// page.pdf() of the same HTML, alternated and measured in the same run; then the EPUB edition for 1 and
// for 100 articles. Medians; figures are ratios to the baseline of this run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareArticle } from '../src/article/article.js';
import { loadArticle } from '../src/article/load-article.js';
import { articleView } from '../src/editions/article-view.js';
import { renderPrintHtml } from '../src/editions/print-html.js';
import { packageRoot } from '../src/paths.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const batchRuns = Number(process.env.BENCH_BATCH_RUNS ?? 3);
const batchSize = 100;
const article = join(packageRoot, 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md');
const work = mkdtempSync(join(tmpdir(), 'imprint-bench-'));
const cli = join(packageRoot, 'dist/src/cli.js');
const barePdf = join(packageRoot, 'dist/bench/bench-bare-pdf.js');

// The exact page the build renders, written once for the baseline.
const htmlPath = join(work, 'page.html');
writeFileSync(htmlPath, renderPrintHtml(articleView(await prepareArticle(await loadArticle(article))), 'a4', { justified: true }));

// 100 articles: the first article under 100 file names (slugs).
const batchDir = join(work, 'batch');
mkdirSync(batchDir);
for (let i = 0; i < batchSize; i++) copyFileSync(article, join(batchDir, `article-${String(i).padStart(3, '0')}.md`));

let sequence = 0;
function time(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', cwd: packageRoot });
  return performance.now() - start;
}
const out = () => join(work, `out-${sequence++}`);

const build = (formats: string) => [cli, 'build', article, '--formats', formats, '--out', out()];
const series = {
  baseline: [] as number[],
  both: [] as number[],
  print: [] as number[],
  printEpub: [] as number[],
  printPress: [] as number[],
  printArchival: [] as number[],
  all: [] as number[],
  epub: [] as number[],
  epubBatch: [] as number[],
};
time([barePdf, htmlPath, join(work, 'warm.pdf')]); // warm the OS file cache
for (let i = 0; i < runs; i++) {
  series.baseline.push(time([barePdf, htmlPath, join(work, `bare-${i}.pdf`)]));
  series.both.push(time(build('pdf,epub')));
  series.print.push(time(build('pdf')));
  series.printPress.push(time(build('pdf,press')));
  series.printArchival.push(time(build('pdf,archival')));
  series.all.push(time(build('pdf,epub,press,archival')));
  series.epub.push(time(build('epub')));
}
series.printEpub = series.both;
for (let i = 0; i < batchRuns; i++) series.epubBatch.push(time([cli, 'build', batchDir, '--formats', 'epub', '--out', out()]));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const m = Object.fromEntries(Object.entries(series).map(([name, values]) => [name, median(values)])) as Record<keyof typeof series, number>;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
const x = (ms: number) => `${(ms / m.baseline).toFixed(2)} × baseline`;

console.log(`${runs} runs each (${batchRuns} for the batch), alternated, a fresh process per run, ${process.env.HOSTNAME ?? 'this machine'}, 2 cores`);
console.log(`baseline: bare Puppeteer launch + page.pdf()      ${s(m.baseline)}`);
const extra = (ms: number) => `+${((ms / m.print - 1) * 100).toFixed(0)} % over print alone (${(ms / m.print).toFixed(2)} ×)`;
console.log(`imprint build, print + EPUB (cold)                 ${s(m.both)}   ${x(m.both)}   (target ≤ 1.10)`);
console.log(`imprint build --formats pdf                        ${s(m.print)}   ${x(m.print)}`);
console.log('cost of each extra edition, built with the print edition:');
console.log(`  pdf,epub                                         ${s(m.printEpub)}   ${extra(m.printEpub)}`);
console.log(`  pdf,press                                        ${s(m.printPress)}   ${extra(m.printPress)}`);
console.log(`  pdf,archival                                     ${s(m.printArchival)}   ${extra(m.printArchival)}`);
console.log(`  all four (the default)                           ${s(m.all)}   ${extra(m.all)}`);
console.log(`imprint build --formats epub, 1 article            ${s(m.epub)}   ${x(m.epub)}`);
console.log(`imprint build --formats epub, ${batchSize} articles        ${s(m.epubBatch)}   ${x(m.epubBatch)}   (${(m.epubBatch / batchSize).toFixed(0)} ms per article)`);
