// An EPUB-only build needs no browser: its cover is drawn by imprint itself (editions/page/cover.ts), so it
// works with no Chromium at all; its book passes EPUBCheck with no message and, without a print edition to
// count pages in, has no page list. The cover shows the title in its script, aligned to the side its
// direction starts from, and it is the same cover whichever other editions the build makes.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheck, epubEntry, epubFiles, parseXml } from '../helpers/epub.js';
import { imprint } from '../helpers/imprint.js';

const fixtures = resolve('tests/fixtures/world');
const slugs = ['ar-port-reopens', 'zh-hans-port-reopens'];
let outDir: string;
const epubPath = (dir: string, slug: string) => join(dir, slug, `${slug}.epub`);

beforeAll(async () => {
  const cwd = await mkdtemp(join(tmpdir(), 'imprint-epub-alone-'));
  outDir = join(cwd, 'out');
  // No Chromium where the build would look for it: a build that launched one would fail.
  const run = await imprint(
    ['build', ...slugs.map((slug) => join(fixtures, `${slug}.md`)), '--formats', 'epub', '-o', outDir],
    cwd,
    { IMPRINT_CHROMIUM: join(cwd, 'no-chromium-here') },
  );
  expect(run.stderr).not.toMatch(/Chromium/);
  expect(run.code).toBe(0);
});

/** The cover's dark pixels (the title's ink on the light background) in the rows from `top` to `bottom`. */
async function ink(jpeg: Uint8Array, top: number, bottom: number) {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  let left = info.width;
  let right = -1;
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < info.width; x++)
      if (data[y * info.width + x]! < 96) {
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { count, left, right, width: info.width, height: info.height };
}

describe('an EPUB built alone', () => {
  it('is built with no browser, passes EPUBCheck with no message, and has no page list', async () => {
    for (const slug of slugs) {
      expect(await epubcheck(epubPath(outDir, slug))).toEqual([]);
      const files = await epubFiles(await readFile(epubPath(outDir, slug)));
      expect(parseXml(files.get('OEBPS/toc.xhtml')!).querySelector('nav#page-list')).toBeNull();
      expect(files.get('OEBPS/content.opf')).not.toMatch(/source-of|printPageNumbers/);
      expect(files.get('OEBPS/article.xhtml')).not.toMatch(/doc-pagebreak/);
    }
  });

  it('draws the title on its cover, right-aligned in Arabic and left-aligned in Chinese', async () => {
    for (const slug of slugs) {
      const cover = (await epubEntry(await readFile(epubPath(outDir, slug)), 'OEBPS/cover.jpeg'))!;
      // The title's lines sit below the publication's rule (y ≈ 170) and above the subtitle.
      const title = await ink(cover, 190, 330);
      expect({ slug, width: title.width, height: title.height }).toEqual({ slug, width: 1000, height: 1600 });
      expect(title.count).toBeGreaterThan(5000);
      if (slug.startsWith('ar')) {
        expect(title.right).toBeGreaterThan(900);
        expect(title.right).toBeLessThanOrEqual(925);
        expect(title.left).toBeGreaterThan(150);
      } else {
        expect(title.left).toBeGreaterThanOrEqual(75);
        expect(title.left).toBeLessThan(100);
        expect(title.right).toBeLessThan(850);
      }
    }
  });
});

describe("a collection's EPUB built alone", () => {
  it('is built with no browser either, with a cover of its own and no page list, and passes EPUBCheck', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'imprint-epub-alone-collection-'));
    const out = join(cwd, 'out');
    const collection = resolve('tests/fixtures/collection/weekend-edition.yaml');
    const run = await imprint(['build', collection, '--formats', 'epub', '-o', out], cwd, {
      IMPRINT_CHROMIUM: join(cwd, 'no-chromium-here'),
    });
    expect(run.code).toBe(0);
    const path = epubPath(out, 'weekend-edition');
    expect(await epubcheck(path)).toEqual([]);
    const files = await epubFiles(await readFile(path));
    expect(parseXml(files.get('OEBPS/toc.xhtml')!).querySelector('nav#page-list')).toBeNull();
    const cover = (await epubEntry(await readFile(path), 'OEBPS/cover.jpeg'))!;
    expect((await ink(cover, 100, 330)).count).toBeGreaterThan(5000);
  });
});

describe('the same article with a PDF edition too', () => {
  it('rebuilds the EPUB with the print pages listed, and shows the same cover in the EPUB and on the web page', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'imprint-epub-with-pdf-'));
    const out = join(cwd, 'out');
    const slug = slugs[0]!;
    const args = ['build', join(fixtures, `${slug}.md`), '-o', out];
    expect((await imprint([...args, '--formats', 'epub'], cwd)).code).toBe(0);
    const alone = await readFile(epubPath(out, slug));
    // Not up to date: the EPUB made alone lacks what a build with the print edition gives it.
    const run = await imprint([...args, '--formats', 'pdf,epub,html'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 built, 0 unchanged/);
    const withPdf = await readFile(epubPath(out, slug));
    const files = await epubFiles(withPdf);
    expect(parseXml(files.get('OEBPS/toc.xhtml')!).querySelectorAll('nav#page-list a').length).toBeGreaterThan(0);
    expect(files.get('OEBPS/content.opf')).toMatch(/property="source-of">pagination</);
    expect(await epubcheck(epubPath(out, slug))).toEqual([]);

    const cover = await epubEntry(withPdf, 'OEBPS/cover.jpeg');
    expect(Buffer.from(cover!).equals(Buffer.from((await epubEntry(alone, 'OEBPS/cover.jpeg'))!))).toBe(true);
    expect((await readFile(join(out, slug, 'cover.jpg'))).equals(Buffer.from(cover!))).toBe(true);
  });
});
