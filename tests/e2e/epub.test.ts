// The e-reader edition as validators, stores and a real reading system (Calibre) see it.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { calibreText } from '../helpers/calibre.js';
import { epubcheck, epubEntry, epubFiles, parseXml } from '../helpers/epub.js';

const rich = 'convoy-leaves-the-corridor';
const first = 'russian-peacekeepers-withdrawing-from-nagorno-karabakh';
const epubOnly = (outDir: string, extra: object = {}) =>
  v.parse(buildOptionsSchema, { outDir, formats: ['epub'], ...extra });

let outDir: string;
const epubPath = (slug: string, dir = outDir) => join(dir, slug, `${slug}.epub`);

async function book(slug: string, dir = outDir) {
  const files = await epubFiles(await readFile(epubPath(slug, dir)));
  const text = (name: string) => files.get(`OEBPS/${name}`) ?? '';
  return {
    files,
    text,
    opf: parseXml(text('content.opf')),
    chapter: parseXml(text('article.xhtml')),
    nav: parseXml(text('toc.xhtml')),
  };
}

const metas = (opf: Document, property: string) =>
  [...opf.querySelectorAll('meta')].filter((m) => m.getAttribute('property') === property).map((m) => m.textContent);

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-epub-'));
  const results = await build(['tests/fixtures/rich', 'tests/fixtures/scripts', 'content'], epubOnly(outDir));
  expect(results.map((r) => r.ok)).toEqual([true, true, true]);
});

describe('validity', () => {
  for (const slug of [rich, 'names-in-four-scripts', first]) {
    it(`EPUBCheck reports no message at all for ${slug}`, async () => {
      const messages = await epubcheck(epubPath(slug));
      expect(messages.map((m) => `${m.severity} ${m.ID} ${m.message}`)).toEqual([]);
    });
  }
});

describe('metadata', () => {
  it('carries identity, each author, publisher, language, description, source, subjects, rights and credits', async () => {
    const { opf } = await book(rich);
    const dc = (name: string) => [...opf.getElementsByTagName(`dc:${name}`)].map((e) => e.textContent);
    expect(dc('creator')).toEqual(['Ann Lee', 'Бо Чан']);
    expect(dc('publisher')).toEqual(['Fixture Gazette']);
    expect(dc('language')).toEqual(['en']);
    expect(dc('date')).toEqual(['2024-04-18']);
    // The original article; built alone, the EPUB follows no print edition's pages (epub-alone.test.ts and
    // page-list.test.ts check the print edition's source when a PDF is built with it).
    expect(dc('source')).toEqual(['https://example.org/2024/04/18/convoy-leaves-the-corridor']);
    expect(dc('subject')).toEqual(['Armenia', 'Azerbaijan', 'peacekeeping']);
    expect(dc('rights')).toEqual(['© 2024 Fixture Gazette. All rights reserved.']);
    expect(dc('contributor')).toEqual(['AFP contributed reporting.', 'Reuters contributed reporting.']);
    expect(dc('description')[0]).toBe(
      'A fixture with several figures, a table, lists, a blockquote and names in four scripts',
    );
    expect(metas(opf, 'dcterms:modified')).toEqual(['2024-04-18T00:00:00Z']);
  });

  it('has a stable identifier: a UUID v5 of the source URL, the same on every rebuild', async () => {
    const again = await mkdtemp(join(tmpdir(), 'imprint-epub-again-'));
    await build(['tests/fixtures/rich'], epubOnly(again));
    const id = (opf: Document) => opf.getElementById('pub-id')?.textContent;
    expect(id((await book(rich)).opf)).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(id((await book(rich, again)).opf)).toBe(id((await book(rich)).opf));
    expect(id((await book(first)).opf)).not.toBe(id((await book(rich)).opf));
  });

  it('takes the language from the article, not a default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-epub-ru-'));
    await writeFile(
      join(dir, 'moskva.md'),
      '---\ntitle: Москва\ndate: 2024-04-17\npublication: Газета\nlang: ru\n---\n\n"Да", сказал он.\n',
    );
    await build([join(dir, 'moskva.md')], epubOnly(join(dir, 'out')));
    const { opf, chapter, files } = await book('moskva', join(dir, 'out'));
    expect(opf.getElementsByTagName('dc:language')[0]?.textContent).toBe('ru');
    expect(opf.documentElement.getAttribute('xml:lang')).toBe('ru');
    expect(chapter.documentElement.getAttribute('lang')).toBe('ru');
    expect(chapter.querySelector('.article-body p')?.textContent).toBe('«Да», сказал он.');
    expect(files.get('OEBPS/toc.ncx')).toContain('xml:lang="ru"');
  });
});

describe('accessibility', () => {
  it('declares schema.org accessibility metadata that is true of a book whose images are all described', async () => {
    const { opf } = await book(rich);
    expect(metas(opf, 'schema:accessMode')).toEqual(['textual', 'visual']);
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual']);
    expect(metas(opf, 'schema:accessibilityFeature')).toEqual(
      expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText']),
    );
    expect(metas(opf, 'schema:accessibilityHazard')).toEqual(['none']);
    expect(metas(opf, 'schema:accessibilitySummary')[0]).toMatch(/Every image has a text description/);
  });

  it('does not claim alternative text when an image has none, and leaves its alt empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-epub-noalt-'));
    await writeFile(join(dir, 'p.png'), await readFile('tests/fixtures/rich/images/map.png'));
    await writeFile(
      join(dir, 'bare.md'),
      '---\ntitle: Bare\ndate: 2024-04-17\npublication: P\n---\n\n::: figure\n![](p.png)\nA map. **P**\n:::\n\nText.\n',
    );
    await build([join(dir, 'bare.md')], epubOnly(join(dir, 'out')));
    const { opf, chapter } = await book('bare', join(dir, 'out'));
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual,visual']);
    expect(metas(opf, 'schema:accessibilityFeature')).not.toContain('alternativeText');
    expect(chapter.querySelector('figure img')?.getAttribute('alt')).toBe('');
  });

  it('keeps alt text (what the photo shows) apart from the caption (what the story says)', async () => {
    const { chapter } = await book(rich);
    const figure = chapter.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe(
      'A column of armoured vehicles on a mountain road at dusk',
    );
    expect(figure?.querySelector('figcaption')?.textContent).toBe(
      'The last convoy leaves the Lachin Corridor on Thursday. Jane Doe / AP',
    );
    expect(figure?.querySelector('figcaption .credit')?.textContent).toBe('Jane Doe / AP');
  });

  it('has a nav with the table of contents and landmarks, and a spine in reading order', async () => {
    const { nav, opf } = await book(rich);
    expect(nav.querySelector('nav#toc a')?.getAttribute('href')).toBe('article.xhtml');
    const landmarks = [...nav.querySelectorAll('nav#landmarks a')].map(
      (a) => `${a.getAttribute('epub:type')} ${a.getAttribute('href')}`,
    );
    expect(landmarks).toEqual(['cover cover.xhtml', 'toc toc.xhtml#toc', 'bodymatter article.xhtml']);
    const spine = [...opf.querySelectorAll('spine itemref')].map(
      (i) => `${i.getAttribute('idref')}${i.getAttribute('linear') === 'no' ? ' (non-linear)' : ''}`,
    );
    expect(spine).toEqual(['cover-page', 'chapter-0', 'nav (non-linear)']);
  });
});

describe('cover', () => {
  it('is a 1000 × 1600 JPEG declared as the EPUB 3 cover-image, with the EPUB 2 fallback and a cover page', async () => {
    const { opf, files } = await book(rich);
    const item = opf.getElementById('cover-image');
    expect(item?.getAttribute('properties')).toBe('cover-image');
    expect(item?.getAttribute('href')).toBe('cover.jpeg');
    expect(
      [...opf.querySelectorAll('meta')].some(
        (m) => m.getAttribute('name') === 'cover' && m.getAttribute('content') === 'cover-image',
      ),
    ).toBe(true);
    const jpeg = await epubEntry(await readFile(epubPath(rich)), 'OEBPS/cover.jpeg');
    expect(jpeg && jpegSize(jpeg)).toEqual({ width: 1000, height: 1600 });
    const coverPage = parseXml(files.get('OEBPS/cover.xhtml') ?? '');
    expect(coverPage.querySelector('img')?.getAttribute('src')).toBe('cover.jpeg');
    expect(coverPage.querySelector('img')?.getAttribute('alt')).toBe(
      'Cover: Convoy Leaves the Corridor as Talks Resume. Fixture Gazette, April 18, 2024.',
    );
  });
});

describe('layout and fonts', () => {
  it('uses a reflowable stylesheet: relative units, scaled images, no forced colours or backgrounds', async () => {
    const css = (await book(rich)).text('style.css');
    expect(css).not.toMatch(/(^|[;{\s])(color|background(-color)?)\s*:/m);
    expect(css).not.toMatch(/font-size:\s*[\d.]+(px|pt)/);
    expect(css).toMatch(/figure img \{[^}]*max-width: 100%/);
    expect(css).toMatch(/figure \{[^}]*break-inside: avoid/);
    expect(css).toMatch(/\.credit \{/);
  });

  it('embeds an Armenian font subset to the letters used, with its licence, only for an article that has Armenian text', async () => {
    const withArmenian = await book(rich);
    const fontItems = [...withArmenian.opf.querySelectorAll('manifest item')].filter((i) =>
      i.getAttribute('href')?.startsWith('fonts/'),
    );
    // TrueType, which Kobo reads (it reads no WOFF2), made by HarfBuzz from the bundled face.
    expect(fontItems.map((i) => `${i.getAttribute('href')} ${i.getAttribute('media-type')}`).sort()).toEqual([
      'fonts/noto-serif-armenian-400-0.ttf font/ttf',
      'fonts/noto-serif-armenian-700-0.ttf font/ttf',
      'fonts/noto-serif-armenian-LICENSE.txt text/plain',
    ]);
    expect(withArmenian.text('fonts/noto-serif-armenian-LICENSE.txt')).toContain('SIL Open Font License');
    // Only the Armenian letters the article has: "Ն" (U+0546) is in it, "Ֆ" (U+0556) is not.
    const range =
      /font-family: "Noto Serif Armenian"; font-weight: 400;[^}]*unicode-range: ([^;]+);/.exec(
        withArmenian.text('style.css'),
      )?.[1] ?? '';
    expect(range.split(', ')).toContain('U+546');
    expect(range.split(', ')).not.toContain('U+556');
    const withoutArmenian = await book(first);
    expect([...withoutArmenian.files.keys()].filter((name) => name.includes('fonts/'))).toEqual([]);
  });
});

describe('reproducibility', () => {
  it('gives byte-identical EPUBs when unchanged input is rebuilt', async () => {
    const again = await mkdtemp(join(tmpdir(), 'imprint-epub-rebuild-'));
    await build(['tests/fixtures/rich', 'content'], epubOnly(again));
    for (const slug of [rich, first]) {
      const hash = async (dir: string) =>
        createHash('sha256')
          .update(await readFile(epubPath(slug, dir)))
          .digest('hex');
      expect(await hash(again)).toBe(await hash(outDir));
    }
  });

  it('names images by their content, not at random', async () => {
    const { files } = await book(rich);
    expect([...files.keys()].filter((name) => name.startsWith('OEBPS/images/'))).toEqual([
      expect.stringMatching(/^OEBPS\/images\/[0-9a-f]{16}\.jpeg$/),
      expect.stringMatching(/^OEBPS\/images\/[0-9a-f]{16}\.png$/),
    ]);
  });
});

describe('in a real reading system (Calibre)', () => {
  it('reads the first article with its caption, photo credit and agency credit as text, in order', async () => {
    const text = await calibreText(epubPath(first));
    const caption = text.indexOf(
      'A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass.',
    );
    const photoCredit = text.indexOf('Valery Sharifulin / TASS');
    const body = text.indexOf('The Kremlin confirmed Azerbaijani media reports');
    const agency = text.indexOf('AFP contributed reporting.');
    expect(caption).toBeGreaterThan(-1);
    expect([caption, photoCredit, body, agency]).toEqual(
      [...[caption, photoCredit, body, agency]].sort((a, b) => a - b),
    );
    expect(text).toContain('Moscow-brokered deal');
  });

  it('reads every caption of the rich fixture as a block of its own', async () => {
    const lines = (await calibreText(epubPath(rich))).split('\n').map((line) => line.trim());
    expect(lines).toContain('The last convoy leaves the Lachin Corridor on Thursday. Jane Doe / AP');
    expect(lines).toContain('The region at the centre of the dispute. Fixture Gazette graphic');
    expect(lines).toContain(
      'An archive photo of the checkpoint, not available for this edition. Valery Sharifulin / TASS',
    );
    expect(lines.indexOf('Reuters contributed reporting.')).toBeGreaterThan(
      lines.indexOf('AFP contributed reporting.'),
    );
  });
});

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const data = Buffer.from(bytes);
  let offset = 2;
  while (offset < data.length) {
    const marker = data.readUInt16BE(offset);
    const length = data.readUInt16BE(offset + 2);
    if (marker >= 0xffc0 && marker <= 0xffc3)
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}
