// npm run bench: one cold build of the first article (print + e-reader) against a bare Puppeteer launch and
// page.pdf() of the same HTML, each a fresh process, alternated, measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareArticle } from '../src/article/article.js';
import { loadArticle } from '../src/article/load-article.js';
import { articleView } from '../src/editions/article-view.js';
import { renderPrintHtml } from '../src/editions/print-html.js';
import { packageRoot } from '../src/paths.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const article = join(packageRoot, 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md');
const work = mkdtempSync(join(tmpdir(), 'imprint-bench-'));

// The exact page the build renders, written once for the baseline.
const html = renderPrintHtml(articleView(await prepareArticle(await loadArticle(article))), 'a4');
const htmlPath = join(work, 'page.html');
writeFileSync(htmlPath, html);

function timeCommand(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', cwd: packageRoot });
  return performance.now() - start;
}

const imprintCli = join(packageRoot, 'dist/src/cli.js');
const barePdf = join(packageRoot, 'dist/bench/bench-bare-pdf.js');
const baseline: number[] = [];
const imprint: number[] = [];
const printOnly: number[] = [];
timeCommand([barePdf, htmlPath, join(work, 'warm.pdf')]); // warm the OS file cache for all three
for (let i = 0; i < runs; i++) {
  baseline.push(timeCommand([barePdf, htmlPath, join(work, `bare-${i}.pdf`)]));
  imprint.push(timeCommand([imprintCli, 'build', article, '--out', join(work, `out-${i}`)]));
  printOnly.push(timeCommand([imprintCli, 'build', article, '--formats', 'pdf', '--out', join(work, `pdf-${i}`)]));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = median(imprint) / median(baseline);
console.log(`runs: ${runs} each, alternated, fresh process per run (2-core machine)`);
console.log(`baseline  bare Puppeteer launch + page.pdf()       median ${seconds(median(baseline))}`);
console.log(`imprint   cold build, print PDF + EPUB (CLI)        median ${seconds(median(imprint))}`);
console.log(`          print edition only (--formats pdf)        median ${seconds(median(printOnly))}  (${(median(printOnly) / median(baseline)).toFixed(2)} × baseline)`);
console.log(`ratio     imprint / baseline                        ${ratio.toFixed(2)}  (target ≤ 1.10)`);
