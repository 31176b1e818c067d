// Accessible EPUBs: DAISY Ace finds no violation of any impact, and the EPUB Accessibility 1.1 claim is
// written only when the article earns it (imprint check says why when it does not).
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { ace } from '../helpers/ace.js';
import { epubFiles } from '../helpers/epub.js';
import { imprint } from '../helpers/imprint.js';

let outDir: string;
// The last is built without alt text for its photo; the one before it with the house fixture's theme.
const books = [
  'convoy-leaves-the-corridor',
  'names-in-four-scripts',
  'russian-peacekeepers-withdrawing-from-nagorno-karabakh',
  'port-otkryt',
  'undescribed-photo',
];
const epub = (slug: string) => join(outDir, slug, `${slug}.epub`);

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-a11y-'));
  // An article whose photo has no alt text: it must not claim conformance.
  const undescribed = await mkdtemp(join(tmpdir(), 'imprint-a11y-in-'));
  await mkdir(join(undescribed, 'images'));
  await copyFile('tests/fixtures/rich/images/map.png', join(undescribed, 'images', 'map.png'));
  await writeFile(
    join(undescribed, 'undescribed-photo.md'),
    '---\ntitle: A Photo Nobody Described\ndate: 2024-04-17\npublication: Fixture Gazette\n---\n\n::: figure\n![](images/map.png)\nA map. **Fixture Gazette**\n:::\n\nThe text of the article.\n',
  );
  const results = await build(
    ['tests/fixtures/rich', 'tests/fixtures/scripts', 'content', undescribed],
    v.parse(buildOptionsSchema, { outDir, formats: ['epub'] }),
  );
  expect(results.map((r) => (r.ok ? 'ok' : r.error.describe()))).toEqual(['ok', 'ok', 'ok', 'ok']);
  // A themed EPUB (its imprint.yaml, stylesheet, font and logo), built as its users build it.
  expect((await imprint(['build', '--formats', 'epub', '--out', outDir], resolve('tests/fixtures/house'))).code).toBe(
    0,
  );
}, 120_000);

describe.each(books)('%s', (slug) => {
  it('passes DAISY Ace with no violation of any impact', async () => {
    const result = await ace(epub(slug));
    expect(result.violations).toEqual([]);
    expect(result.outcome).toBe('pass');
  });
});

describe('the conformance claim', () => {
  it('is made, with its certifier, for every article whose images are all described', async () => {
    for (const slug of books.slice(0, -1)) {
      expect((await ace(epub(slug))).conformsTo).toEqual(['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']);
      const opf = (await epubFiles(await readFile(epub(slug)))).get('OEBPS/content.opf') ?? '';
      expect(opf).toMatch(/<meta property="a11y:certifiedBy">[^<]+<\/meta>/);
    }
  });

  it('is left out when an image has no alt text', async () => {
    expect((await ace(epub('undescribed-photo'))).conformsTo).toEqual([]);
    const opf = (await epubFiles(await readFile(epub('undescribed-photo')))).get('OEBPS/content.opf') ?? '';
    expect(opf).not.toContain('dcterms:conformsTo');
    expect(opf).not.toContain('a11y:certifiedBy');
  });
});
