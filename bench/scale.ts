// npm run bench -- --scale 10000: the same article with its photo built 100, 1,000 and then N times
// (PDF + EPUB), in one process each: the time per article must stay flat as the batch grows, Node's peak
// RSS under 300 MiB and the whole process tree's peak PSS (Chromium's shared pages counted once) under 1 GiB.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBatch } from './batch-fixture.js';
import { measure } from './measure.js';

export async function scaleBench(work: string, cli: string, cwd: string, jpeg: Uint8Array, largest: number) {
  const sizes = [...new Set([100, 1_000, largest].filter((size) => size <= largest))];
  console.log(`one article with a photo, PDF + EPUB, built N times in one process; ${process.env.HOSTNAME ?? ''}`);
  console.log('\n| articles | time | per article | against 100 | Node peak RSS | tree peak PSS | tree peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  let first: number | undefined;
  for (const size of sizes) {
    const dir = join(work, `scale-${size}`);
    mkdirSync(dir, { recursive: true });
    writeBatch(dir, size, jpeg);
    const run = await measure(
      [cli, 'build', dir, '--formats', 'pdf,epub', '--out', join(work, `scale-out-${size}`)],
      cwd,
    );
    const per = run.ms / size;
    first ??= per;
    console.log(
      `| ${size.toLocaleString('en')} | ${(run.ms / 1000).toFixed(1)} s | ${per.toFixed(0)} ms | ${(per / first).toFixed(2)} × | ${run.ownMiB.toFixed(0)} MiB ${run.ownMiB < 300 ? '✓' : '✗'} | ${run.treePssMiB.toFixed(0)} MiB ${run.treePssMiB < 1024 ? '✓' : '✗'} | ${run.treeMiB.toFixed(0)} MiB |`,
    );
  }
}
