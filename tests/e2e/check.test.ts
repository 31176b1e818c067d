// The editorial check: what `imprint check` and `imprint build` say about messy input, and where.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imprint as run } from '../helpers/imprint.js';

const unedited = 'tests/fixtures/unedited/peacekeepers-as-extracted.md';
const imprint = (args: string[], cwd = process.cwd()) => run(args, cwd);

describe('imprint check on the first article as it was extracted', () => {
  it('reports each dead link, the broken paragraph and the credit left in the body, at their lines', async () => {
    const run = await imprint(['check', unedited]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${unedited}:12:13  dead-link  link "confirmed" points nowhere (#); link it to its source or make it plain text`,
      `${unedited}:14:118  dead-link  link "reported" points nowhere (#); link it to its source or make it plain text`,
      `${unedited}:16:20  dead-link  link "shared" points nowhere (#); link it to its source or make it plain text`,
      `${unedited}:16:74  dead-link  link "show" points nowhere (#); link it to its source or make it plain text`,
      `${unedited}:16:130  dead-link  link "moving" points nowhere (#); link it to its source or make it plain text`,
      `${unedited}:18:167  broken-paragraph  paragraph ends in "Moscow-" and the next starts with "brokered": one paragraph broken mid-word? Join them ("Moscow-brokered")`,
      `${unedited}:34:1  credit-in-body  reporting credit in the body; move "AFP contributed reporting." to the front matter's credits`,
    ]);
    expect(run.stderr).toContain('0 errors, 7 warnings.');
  });

  it('fails on warnings with --strict', async () => {
    expect((await imprint(['check', '--strict', unedited])).code).toBe(1);
  });

  it('gives the same findings as JSON', async () => {
    const run = await imprint(['check', '--json', unedited]);
    const findings = (
      JSON.parse(run.stdout) as { diagnostics: { rule: string; line: number; column: number; severity: string }[] }
    ).diagnostics;
    expect(findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
      'dead-link@12:13',
      'dead-link@14:118',
      'dead-link@16:20',
      'dead-link@16:74',
      'dead-link@16:130',
      'broken-paragraph@18:167',
      'credit-in-body@34:1',
    ]);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['warning']));
  });

  it('finds nothing in the edited first article', async () => {
    const run = await imprint(['check', 'content']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no problems found.');
  });
});

describe('other rules', () => {
  it('reports an image without alt text, a figure without credit, and an input error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-check-'));
    await copyFile('tests/fixtures/rich/images/map.png', join(dir, 'map.png'));
    await writeFile(
      join(dir, 'a.md'),
      '---\ntitle: A\ndate: 2024-04-17\npublication: P\n---\n\n::: figure\n![](map.png)\nA map without a credit.\n:::\n\nWith reporting by Ann Lee.\n',
    );
    await writeFile(join(dir, 'b.md'), '---\ntitle: B\ndate: 2024-13-01\npublication: P\n---\n\nText.\n');
    const run = await imprint(['check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${dir}/a.md:7:1  figure-without-credit  figure has no photo credit`);
    expect(run.stdout).toContain(`${dir}/a.md:8:1  missing-alt  image "map.png" has no alt text`);
    expect(run.stdout).toContain(
      `${dir}/a.md:8:1  accessibility-claim  the EPUB will not claim EPUB Accessibility 1.1 - WCAG 2.2 Level AA: 1 image has no alt text`,
    );
    expect(run.stdout).toContain(
      `${dir}/a.md:12:1  credit-in-body  reporting credit in the body; move "With reporting by Ann Lee."`,
    );
    expect(run.stdout).toContain(
      `${dir}/b.md:3:1  invalid-input  front matter field "date": date is not a real calendar date`,
    );
    expect(run.stdout).toContain(
      `${dir}/a.md:8:1  low-resolution  photo "map.png" (240 × 240 px) prints at 96 ppi, under 150; it needs at least 624 × 624 px`,
    );
    expect(run.stderr).toContain('1 error, 5 warnings.');
  });
});

describe('imprint build runs the same checks', () => {
  it('prints the warnings and still builds, or with --strict refuses the article and writes nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'imprint-check-build-'));
    await mkdir(join(work, 'in'));
    await copyFile(unedited, join(work, 'in', 'as-extracted.md'));
    const lenient = await imprint(['build', 'in', '--out', 'out', '--formats', 'epub'], work);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      'warning: in/as-extracted.md:18:167  broken-paragraph  paragraph ends in "Moscow-"',
    );
    expect(await readdir(join(work, 'out', 'as-extracted'))).toEqual(['as-extracted.epub']);

    const strict = await imprint(['build', 'in', '--out', 'strict-out', '--strict'], work);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'error: in/as-extracted.md:12:13: 7 editorial problems (--strict): 12:13 dead-link',
    );
    expect(await readdir(work)).not.toContain('strict-out');
  });
});
