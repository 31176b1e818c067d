// npm run bench -- --heavy: what one article costs per byte as it grows, in every edition: 150 kB of words
// (the baseline), 1.5 MB of words, and 1.5 MB of one unbroken word (a pasted blob). Linear stages keep both
// large articles within 3× the baseline's time per byte (one 200 kB word took 77 s before: quadratic).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './measure.js';

/** Deterministic pseudo-random letters, so that every run builds the same bytes. */
function letters(count: number, seed = 1): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(97 + ((x >> 8) % 26));
  }
  return text;
}

function words(bytes: number): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++)
    text += `${letters(3 + (i % 8), i + 1)}${i % 12 === 11 ? '.' : ''}${i % 80 === 79 ? '\n\n' : ' '}`;
  return text;
}

const frontMatter = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-04-17\npublication: The Bench Times\nlang: en\n---\n\n`;

export async function heavyInputBench(work: string, cli: string, cwd: string, runs: number): Promise<void> {
  const dir = join(work, 'heavy');
  mkdirSync(dir, { recursive: true });
  const cases = [
    { name: '150 kB of words (baseline)', file: 'words-150k.md', text: frontMatter('Words') + words(150_000) },
    { name: '1.5 MB of words', file: 'words-1500k.md', text: frontMatter('Words') + words(1_500_000) },
    {
      name: '1.5 MB, one unbroken word',
      file: 'token-1500k.md',
      text: `${frontMatter('Token')}Before.\n\n${letters(1_500_000)}\n\nAfter.\n`,
    },
  ];
  for (const { file, text } of cases) writeFileSync(join(dir, file), text);
  const times = cases.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [i, { file }] of cases.entries()) {
      times[i]!.push(
        (
          await measure(
            [
              cli,
              'build',
              join(dir, file),
              '--out',
              join(work, `heavy-out-${run}-${i}`),
              '--force',
              '--timeout',
              '600',
            ],
            cwd,
          )
        ).ms,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const perByte = cases.map(({ text }, i) => median(times[i]!) / Buffer.byteLength(text));
  console.log(`one article, every edition, median of ${runs} runs:`);
  for (const [i, { name, text }] of cases.entries()) {
    console.log(
      `  ${name.padEnd(28)} ${(median(times[i]!) / 1000).toFixed(2).padStart(7)} s  ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB  ${(perByte[i]! / perByte[0]!).toFixed(2)}× the baseline's time per byte`,
    );
  }
}
