// What a build says about each article, and in sum: shared by imprint build and imprint serve.
import { relative } from 'node:path';
import type { ArticleResult, WrittenFile } from '../build/build.js';
import { formatDiagnostic } from '../check/diagnostic.js';
import { formatSize } from '../format-size.js';

export function report(result: ArticleResult): void {
  for (const warning of result.warnings) console.error(`warning: ${formatDiagnostic(warning)}`);
  if (result.ok) {
    // The web page's images and thumbnails go unmentioned: the page is the edition.
    if (result.status === 'built')
      for (const file of result.written.filter((written) => !written.asset)) console.log(describeWritten(file));
  } else {
    console.error(`error: ${result.error.describe()}`);
  }
}

function describeWritten(file: WrittenFile): string {
  const pages = file.pages === undefined ? '' : `${file.pages} page${file.pages === 1 ? '' : 's'}, `;
  return `wrote ${relative(process.cwd(), file.path)}  (${pages}${formatSize(file.bytes)})`;
}

/** How many articles were built, were up to date already, and failed. */
export function countResults(results: readonly ArticleResult[]): { built: number; unchanged: number; failed: number } {
  const failed = results.filter((result) => !result.ok).length;
  const unchanged = results.filter((result) => result.ok && result.status === 'unchanged').length;
  return { built: results.length - failed - unchanged, unchanged, failed };
}

/** "N built, M unchanged": the summary line of build and serve. */
export function summaryLine({ built, unchanged }: { built: number; unchanged: number }): string {
  return `${built} built, ${unchanged} unchanged`;
}

/** "N built, M unchanged", and how many failed. */
export function summarize(results: readonly ArticleResult[]): { failed: number; summary: string } {
  const counts = countResults(results);
  return { failed: counts.failed, summary: summaryLine(counts) };
}
