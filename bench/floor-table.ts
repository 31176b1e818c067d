// npm run bench -- --table: the rows issue 25 is judged by, each against its floor (or peer) in the same
// run, alternated, fresh processes, medians of `runs`; printed as the Markdown table the README shows.
//   cold, 1 article: PDF / PDF + EPUB / EPUB only, against bench/batch-floor.ts on that one article (its
//     Chromium launch, two tabs, page.pdf(), a bare epub-gen-memory EPUB; EPUB only: no browser), and Pandoc
//   100 articles: PDF / PDF + EPUB / all five editions against the floor's PDF (+ EPUB); EPUB only against
//     the floor's EPUBs and against Pandoc run once per article
//   a Chinese and an Arabic article (PDF + EPUB, cold) against a Latin article of the same length
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBatch } from './batch-fixture.js';
import { latinTwin } from './latin-twin.js';
import { type Measured, measure } from './measure.js';

interface Row {
  what: string;
  /** What the row is measured against, and how it is run. */
  against: string;
  base: () => Promise<Measured>;
  imprint: () => Promise<Measured>;
  /** The bound for the ratio, when it sets one. */
  bound?: number;
}

export async function floorTable(
  work: string,
  cli: string,
  cwd: string,
  jpeg: Uint8Array,
  size: number,
  runs: number,
): Promise<void> {
  let sequence = 0;
  const out = () => join(work, `table-${sequence++}`);
  const single = join(work, 'table-single');
  const batch = join(work, 'table-batch');
  for (const [dir, count] of [
    [single, 1],
    [batch, size],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    writeBatch(dir, count, jpeg);
  }
  const floor = join(cwd, 'dist/bench/batch-floor.js');
  const pandoc = join(cwd, 'dist/bench/pandoc-batch.js');
  const hasPandoc = (() => {
    try {
      execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const build = (input: string, formats: string) => () =>
    measure([cli, 'build', input, '--formats', formats, '--out', out()], cwd);
  const floorOf = (input: string, formats: string) => () => measure([floor, input, out(), formats], cwd);
  const pandocOf = (input: string) => () => measure([pandoc, input, out()], cwd);
  const world = join(cwd, 'tests/fixtures/world');
  const scripts = ['zh-hans-port-reopens.md', 'ar-port-reopens.md'].map((name) => ({
    name,
    article: join(world, name),
    twin: latinTwin(join(world, name), work),
  }));
  const all = 'pdf,epub,press,archival,html';
  const rows: Row[] = [
    { what: '1 article, PDF, cold', against: 'floor', base: floorOf(single, 'pdf'), imprint: build(single, 'pdf') },
    {
      what: '1 article, PDF + EPUB, cold',
      against: 'floor',
      base: floorOf(single, 'pdf,epub'),
      imprint: build(single, 'pdf,epub'),
      bound: 1.15,
    },
    {
      what: '1 article, EPUB only, cold',
      against: 'floor',
      base: floorOf(single, 'epub'),
      imprint: build(single, 'epub'),
    },
    ...(hasPandoc
      ? [
          {
            what: '1 article, EPUB only, cold',
            against: 'Pandoc',
            base: pandocOf(single),
            imprint: build(single, 'epub'),
          },
        ]
      : []),
    {
      what: `${size} articles, PDF`,
      against: 'floor',
      base: floorOf(batch, 'pdf'),
      imprint: build(batch, 'pdf'),
      bound: 1.3,
    },
    {
      what: `${size} articles, PDF + EPUB`,
      against: 'floor',
      base: floorOf(batch, 'pdf,epub'),
      imprint: build(batch, 'pdf,epub'),
      bound: 1.4,
    },
    {
      what: `${size} articles, all five editions`,
      against: "floor's two",
      base: floorOf(batch, 'pdf,epub'),
      imprint: build(batch, all),
      bound: 2,
    },
    {
      what: `${size} articles, EPUB only`,
      against: 'floor',
      base: floorOf(batch, 'epub'),
      imprint: build(batch, 'epub'),
    },
    ...(hasPandoc
      ? [
          {
            what: `${size} articles, EPUB only`,
            against: `Pandoc × ${size}`,
            base: pandocOf(batch),
            imprint: build(batch, 'epub'),
            bound: 2,
          },
        ]
      : []),
    ...scripts.map(({ name, article, twin }) => ({
      what: `${name}, PDF + EPUB, cold`,
      against: 'Latin, same length',
      base: build(twin, 'pdf,epub'),
      imprint: build(article, 'pdf,epub'),
      bound: 1.3,
    })),
  ];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const results = rows.map(() => ({ base: [] as Measured[], imprint: [] as Measured[] }));
  for (let run = 0; run < runs; run++) {
    for (const [i, row] of rows.entries()) {
      results[i]!.base.push(await row.base());
      results[i]!.imprint.push(await row.imprint());
    }
  }
  console.log(
    `${runs} runs each, alternated, fresh processes, ${process.env.HOSTNAME ?? 'this machine'}, ${new Date().toISOString().slice(0, 10)}${hasPandoc ? '' : ' (no pandoc on PATH: its rows left out)'}`,
  );
  console.log('\n| task | against | its time | imprint | ratio | bound | peak memory, imprint (Node / tree PSS) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [i, row] of rows.entries()) {
    const { base, imprint } = results[i]!;
    const [b, m] = [median(base.map((x) => x.ms)), median(imprint.map((x) => x.ms))];
    const ratio = m / b;
    const own = Math.max(...imprint.map((x) => x.ownMiB));
    const pss = Math.max(...imprint.map((x) => x.treePssMiB));
    const verdict = row.bound === undefined ? '' : `≤ ${row.bound} × ${ratio <= row.bound ? '✓' : '✗'}`;
    console.log(
      `| ${row.what} | ${row.against} | ${seconds(b)} | ${seconds(m)} | ${ratio.toFixed(2)} × | ${verdict} | ${own.toFixed(0)} MiB / ${pss.toFixed(0)} MiB |`,
    );
  }
}
