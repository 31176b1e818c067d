// The first article, built for real (Debian Chromium, epub-gen-memory, EPUBCheck), checked as a reader sees it.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArticleResult, build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { pdfFonts, pdfInfo, pdfPageTexts } from '../helpers/pdf.js';

const article = 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md';
const slug = 'russian-peacekeepers-withdrawing-from-nagorno-karabakh';
const title = 'Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms';

let outDir: string;
let results: ArticleResult[];
let pdf: Uint8Array;
let epub: Uint8Array;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-first-'));
  results = await build([article], v.parse(buildOptionsSchema, { outDir }));
  pdf = await readFile(join(outDir, slug, `${slug}.pdf`));
  epub = await readFile(join(outDir, slug, `${slug}.epub`));
});

describe('build', () => {
  it('writes every edition and nothing else', async () => {
    expect(results).toMatchObject([{ ok: true, slug }]);
    // The four editions, and the web edition: its page and the pictures of the PDF's first page and the EPUB's cover.
    expect((await readdir(join(outDir, slug))).sort()).toEqual([
      'cover.jpg',
      'index.html',
      'page-1.jpg',
      `${slug}.archival.pdf`,
      `${slug}.epub`,
      `${slug}.pdf`,
      `${slug}.press.pdf`,
    ]);
  });
});

describe('print edition', () => {
  let text: string;
  let pages: string[];
  beforeAll(async () => {
    pages = await pdfPageTexts(pdf);
    text = pages.join('\n');
  });

  it('shows the headline, the caption with its photo credit, and the agency credit', () => {
    expect(text).toContain('Russian Peacekeepers');
    expect(text).toContain('Kremlin Confirms');
    expect(text).toContain('A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass.');
    // The credit is set in small capitals by CSS, so the text layer carries it upper-cased.
    expect(text.toUpperCase()).toContain('VALERY SHARIFULIN / TASS');
    expect(text).toContain('AFP contributed reporting.');
    expect(text).toContain('Originally published at');
  });

  it('has the repaired paragraph and no dead links', () => {
    // Justified text may wrap at the word's own hyphen: "Moscow-" at a line end, "brokered" on the next.
    expect(text.replace(/-\n/g, '-')).toContain('Moscow-brokered deal');
    expect(text).not.toContain('(#)');
    expect(text).not.toMatch(/Moscow-\s*\n\s*\n\s*brokered/);
  });

  it('numbers its pages "Page X of Y" and has no running head on page 1', () => {
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages[0]).not.toContain('The Moscow Times · ');
  });

  it('is A4 with the document information set', async () => {
    const info = await pdfInfo(pdf);
    expect(info.pageSizes[0]!.width).toBeCloseTo(595.3, 0);
    expect(info.pageSizes[0]!.height).toBeCloseTo(841.9, 0);
    expect(info.title).toBe(title);
    expect(info.author).toBe('The Moscow Times');
    expect(info.subject).toMatch(/^The Kremlin confirmed Azerbaijani media reports/);
    expect(info.lang).toBe('(en)');
    expect(info.tagged).toBe(true);
    expect(info.hasOutline).toBe(true);
  });

  it('embeds every font it uses', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.map((font) => font.name).join(' ')).toMatch(/NotoSerif/);
  });

  it('can be built on US Letter', async () => {
    const letterDir = await mkdtemp(join(tmpdir(), 'imprint-letter-'));
    await build([article], v.parse(buildOptionsSchema, { outDir: letterDir, page: 'letter', formats: ['pdf'] }));
    const info = await pdfInfo(await readFile(join(letterDir, slug, `${slug}.pdf`)));
    expect(info.pageSizes[0]).toEqual({ width: 612, height: 792 });
    expect(await readdir(join(letterDir, slug))).toEqual([`${slug}.pdf`]);
  });
});

describe('e-reader edition', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await epubFiles(epub);
  });

  it('passes EPUBCheck with no messages at all', async () => {
    const messages = await epubcheck(join(outDir, slug, `${slug}.epub`));
    expect(messages.map((m) => `${m.severity} ${m.ID} ${m.message}`)).toEqual([]);
  });

  it('has one chapter with the figure, caption, photo credit and agency credit', () => {
    const chapter = parseXml(files.get('OEBPS/article.xhtml') ?? '');
    const figcaption = chapter.querySelector('figure > figcaption');
    expect(figcaption?.textContent).toBe(
      'A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass. Valery Sharifulin / TASS',
    );
    expect(figcaption?.querySelector('span.credit')?.textContent).toBe('Valery Sharifulin / TASS');
    expect(chapter.querySelector('figure img')).toBeNull();
    expect(chapter.querySelector('.article-end .reporting-credit')?.textContent).toBe('AFP contributed reporting.');
    const paragraphs = [...chapter.querySelectorAll('.article-body > p')].map((p) => p.textContent ?? '');
    expect(paragraphs.filter((p) => p.includes('Moscow-brokered deal to end weeks'))).toHaveLength(1);
    expect(paragraphs.join(' ')).not.toContain('AFP contributed reporting.');
    expect(chapter.querySelectorAll('h1')).toHaveLength(1);
    expect(chapter.documentElement.getAttribute('xml:lang')).toBe('en');
    expect([...files.keys()].filter((name) => name.endsWith('.xhtml'))).toEqual([
      'OEBPS/article.xhtml',
      'OEBPS/cover.xhtml',
      'OEBPS/toc.xhtml',
    ]);
  });

  it('carries the article metadata in the package document', () => {
    const opf = files.get('OEBPS/content.opf') ?? '';
    expect(opf).toContain(`<dc:title id="title">${title}</dc:title>`);
    expect(opf).toContain('<dc:creator id="creator-0">The Moscow Times</dc:creator>');
    expect(opf).toContain('<dc:publisher>The Moscow Times</dc:publisher>');
    expect(opf).toContain('<dc:date>2024-04-17</dc:date>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toMatch(/<dc:description>The Kremlin confirmed Azerbaijani media reports/);
    expect(opf).toContain(
      '<dc:source>https://www.themoscowtimes.com/2024/04/17/russian-peacekeepers-withdrawing-from-nagorno-karabakh-kremlin-confirms-a84869</dc:source>',
    );
    expect(opf).toContain('<dc:contributor>AFP contributed reporting.</dc:contributor>');
    expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
  });

  it('puts mimetype first and stored, as the OCF container requires', () => {
    expect(Buffer.from(epub.subarray(30, 38)).toString()).toBe('mimetype');
    expect(Buffer.from(epub).readUInt16LE(8)).toBe(0); // compression method 0: stored
  });
});
