// PDF/UA-1: the print edition (and the archival copy made from it) claims it, and the tests' own checker of
// the Matterhorn conditions listed in helpers/pdf-ua.ts finds nothing; an article that cannot meet it (a
// skipped heading level) is not claimed.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { imprint } from '../helpers/imprint.js';
import { checkPdfUa, matterhornConditions } from '../helpers/pdf-ua.js';

const articles = {
  'the first article': 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md',
  'the rich fixture (figures, a table, lists, a link)': 'tests/fixtures/rich/convoy-leaves-the-corridor.md',
};

describe('the print and archival PDFs', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'imprint-ua-'));
    const results = await build(
      Object.values(articles),
      v.parse(buildOptionsSchema, { outDir: out, formats: ['pdf', 'archival'] }),
    );
    expect(results.every((result) => result.ok)).toBe(true);
  }, 120_000);

  it(`checks ${Object.keys(matterhornConditions).length} Matterhorn failure conditions`, () => {
    expect(Object.keys(matterhornConditions)).toEqual(
      expect.arrayContaining(['06-002', '13-004', '14-003', '28-011', '28-012']),
    );
  });

  for (const [what, path] of Object.entries(articles)) {
    for (const suffix of ['.pdf', '.archival.pdf']) {
      it(`identify as PDF/UA-1 and meet every checked condition: ${what}, ${suffix}`, async () => {
        const slug = path.split('/').at(-1)!.replace(/\.md$/, '');
        const { xmp, findings } = await checkPdfUa(await readFile(join(out, slug, `${slug}${suffix}`)));
        expect(findings).toEqual([]);
        expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
        expect(xmp).toMatch(/<dc:language><rdf:Bag><rdf:li>en<\/rdf:li><\/rdf:Bag><\/dc:language>/);
        expect(xmp).toMatch(/<dc:creator><rdf:Seq><rdf:li>[^<]+<\/rdf:li><\/rdf:Seq><\/dc:creator>/);
      });
    }
  }

  it('holds for a themed edition with a logo as its masthead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-ua-theme-'));
    const run = await imprint(
      ['build', '--formats', 'pdf', '--out', join(dir, 'out')],
      resolve('tests/fixtures/house'),
    );
    expect(run.code).toBe(0);
    expect((await checkPdfUa(await readFile(join(dir, 'out/port-otkryt/port-otkryt.pdf')))).findings).toEqual([]);
  }, 60_000);

  it('is not claimed for an article whose headings skip a level', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-ua-skip-'));
    const path = join(dir, 'skipped.md');
    await writeFile(
      path,
      '---\ntitle: Skipped\ndate: 2024-04-17\npublication: Test\n---\n\nIntro.\n\n#### Too deep\n\nText.\n',
    );
    await build([path], v.parse(buildOptionsSchema, { outDir: join(dir, 'out'), formats: ['pdf'] }));
    const { xmp, findings } = await checkPdfUa(await readFile(join(dir, 'out/skipped/skipped.pdf')));
    expect(xmp).not.toContain('<pdfuaid:part>');
    expect(findings).toEqual(['06-002: no pdfuaid:part 1', '14-003: H1 then H4']);
    const check = await imprint(['check', path], dir);
    expect(check.stdout).toContain(
      `${path}:9:1  heading-level  #### follows # (the headline is #): use ##, or the print PDF will not claim PDF/UA`,
    );
  }, 60_000);
});
