// The world's news in every edition: an article per writing system (tests/fixtures/world/), built as a user
// builds it, read back as a reader gets it: no glyph drawn as .notdef, no font but the bundled ones (and colour
// emoji's Type 3), the letters in the text layer, right-to-left pages and books, CJK line-breaking rules,
// labels and dates in the article's language, EPUBCheck 0/0; and a character no font has refused at its line.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { ace } from '../helpers/ace.js';
import { epubcheck, epubFiles } from '../helpers/epub.js';
import { notdefGlyphs, pageLines, rawText } from '../helpers/glyphs.js';
import { imprint } from '../helpers/imprint.js';
import { pdfFonts, pdfInfo } from '../helpers/pdf.js';

const fixtures = 'tests/fixtures/world';
const rtl = new Set(['ar', 'fa', 'ur', 'he']);
interface Fixture {
  slug: string;
  lang: string;
  title: string;
  credits: string[];
}
let outDir: string;
let articles: Fixture[];
const file = (slug: string, suffix: string) => join(outDir, slug, `${slug}${suffix}`);

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-world-'));
  articles = [];
  for (const name of (await readdir(fixtures)).filter((name) => name.endsWith('.md')).sort()) {
    const front = YAML.parse((await readFile(join(fixtures, name), 'utf8')).split(/^---$/m)[1]!) as {
      lang: string;
      title: string;
      credits: string[];
    };
    articles.push({ slug: name.replace(/\.md$/, ''), lang: front.lang, title: front.title, credits: front.credits });
  }
  const results = await build([fixtures], v.parse(buildOptionsSchema, { outDir }));
  expect(results.filter((result) => !result.ok)).toEqual([]);
  expect(results).toHaveLength(articles.length);
});

/** Text as compared: no white space, soft hyphens or bidi controls, composed. */
const letters = (text: string) =>
  text.normalize('NFC').replace(/[\s\u00AD\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu, '');

describe('every writing system, in every PDF edition', () => {
  it('draws no glyph as .notdef, in the print, press and archival copies', async () => {
    const counts: Record<string, number> = {};
    for (const { slug } of articles)
      for (const suffix of ['.pdf', '.press.pdf', '.archival.pdf'])
        counts[slug + suffix] = await notdefGlyphs(file(slug, suffix));
    expect(Object.entries(counts).filter(([, count]) => count > 0)).toEqual([]);
  });

  it('embeds only bundled Noto faces as CID TrueType; Type 3 only for the colour emoji', async () => {
    for (const { slug } of articles) {
      const fonts = await pdfFonts(await readFile(file(slug, '.pdf')));
      expect(
        fonts.filter((font) => !font.embedded),
        slug,
      ).toEqual([]);
      const type3 = fonts.filter((font) => font.name === '(Type3)');
      expect(type3.length > 0, slug).toBe(slug === 'en-quotes-five-scripts');
      expect(
        fonts.filter((font) => font.name !== '(Type3)' && !/^\/[A-Z]{6}\+Noto/.test(font.name)),
        slug,
      ).toEqual([]);
    }
  });

  it('keeps every letter of the headline and the reporting credit in the text layer of each PDF', async () => {
    for (const { slug, lang, title, credits } of articles) {
      for (const suffix of ['.pdf', '.press.pdf', '.archival.pdf']) {
        const text = letters(await rawText(file(slug, suffix)));
        for (const wanted of [title, ...credits].map(letters)) {
          if (rtl.has(lang)) {
            // poppler gives right-to-left runs in visual order (see the README's typography section): every
            // letter must be there, as often as it is written, and none in presentation forms.
            expect(missingLetters(wanted, text), `${slug}${suffix}`).toEqual([]);
            expect(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text), `${slug}${suffix}`).toBe(false);
          } else expect(text, `${slug}${suffix}`).toContain(wanted);
        }
      }
    }
  });
});

describe('right-to-left articles', () => {
  it('are set from the right margin, and their PDFs, EPUBs and web pages say so', async () => {
    for (const { slug, lang } of articles.filter(({ lang }) => rtl.has(lang))) {
      const pdf = await readFile(file(slug, '.pdf'));
      // Nastaliq's letters step down to the baseline, so its lines cannot be told apart by height: Urdu's
      // direction is checked by the metadata alone.
      if (lang !== 'ur') {
        const { lines } = await pageLines(pdf);
        const body = lines.filter((line) => /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(line.text));
        const right = Math.max(...body.map((line) => line.right));
        const left = Math.min(...body.map((line) => line.left));
        // Ragged on the left, flush on the right: most lines end at the right margin, few start at the left.
        expect(body.filter((line) => right - line.right < 3).length / body.length, slug).toBeGreaterThan(0.6);
        expect(body.filter((line) => line.left - left < 3).length / body.length, slug).toBeLessThan(0.5);
      }
      for (const suffix of ['.pdf', '.press.pdf', '.archival.pdf'])
        expect(await viewerDirection(await readFile(file(slug, suffix))), slug + suffix).toBe('/R2L');
      const epub = await epubFiles(await readFile(file(slug, '.epub')));
      expect(epub.get('OEBPS/content.opf')).toContain('<spine toc="ncx" page-progression-direction="rtl">');
      for (const name of ['OEBPS/article.xhtml', 'OEBPS/cover.xhtml', 'OEBPS/toc.xhtml'])
        expect(epub.get(name), name).toContain(`xml:lang="${lang}" lang="${lang}" dir="rtl"`);
      expect(await readFile(join(outDir, slug, 'index.html'), 'utf8')).toContain(`<html lang="${lang}" dir="rtl">`);
    }
  });

  it('while left-to-right ones are set from the left and say nothing of it', async () => {
    const { lines } = await pageLines(await readFile(file('zh-hans-port-reopens', '.pdf')));
    const left = Math.min(...lines.map((line) => line.left));
    expect(lines.filter((line) => line.left - left < 3).length / lines.length).toBeGreaterThan(0.6);
    expect(await viewerDirection(await readFile(file('zh-hans-port-reopens', '.pdf')))).toBe('undefined');
    expect((await epubFiles(await readFile(file('zh-hans-port-reopens', '.epub')))).get('OEBPS/content.opf')).toContain(
      '<spine toc="ncx">',
    );
  });

  it('keep a Latin agency credit in its own order', async () => {
    const page = await readFile(join(outDir, 'ar-port-reopens', 'index.html'), 'utf8');
    expect(page).toContain('<span class="credit" dir="auto">AFP / فرانس برس</span>');
    expect(page).toMatch(/<a href="https:[^"]+" dir="ltr">/);
  });
});

describe('a collection of left-to-right and right-to-left articles', () => {
  it('sets each article in its own language and direction', async () => {
    const out = join(outDir, 'collection');
    const [result] = await build(
      ['tests/fixtures/world-collection/two-directions.yaml'],
      v.parse(buildOptionsSchema, { outDir: out, formats: ['pdf', 'epub', 'html'] }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await notdefGlyphs(join(out, 'two-directions', 'two-directions.pdf'))).toBe(0);
    const epub = await epubFiles(await readFile(join(out, 'two-directions', 'two-directions.epub')));
    expect(epub.get('OEBPS/content.opf')).toContain('<spine toc="ncx">');
    expect(epub.get('OEBPS/article-2.xhtml')).toContain('<div lang="ar" xml:lang="ar" dir="rtl">');
    expect(epub.get('OEBPS/article-1.xhtml')).not.toContain('dir="rtl"');
    expect(await readFile(join(out, 'two-directions', 'index.html'), 'utf8')).toMatch(
      /<article class="article" id="article-2" lang="ar" dir="rtl">/,
    );
  });
});

describe('CJK, Korean and South-East Asian line breaking', () => {
  const startForbidden = /^[，。、．：；！？」』）】〕〉》’”・ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;
  const endForbidden = /[「『（【〔〈《‘“]$/u;

  it('starts no line with closing punctuation and ends none with an opening bracket (zh-Hans, zh-Hant, ja)', async () => {
    for (const slug of ['zh-hans-port-reopens', 'zh-hant-ferry-resumes', 'ja-fishing-port-reopens']) {
      const pdf = await readFile(file(slug, '.pdf'));
      const { pageCount } = await pdfInfo(pdf);
      const lines: string[] = [];
      // Lines as the page sets them, by height (poppler starts a new one where the type size changes).
      for (let page = 1; page <= pageCount; page++)
        lines.push(
          ...(await pageLines(pdf, page)).lines
            .map((line) => line.text.trim())
            .filter((text) => /\p{Script=Han}/u.test(text)),
        );
      expect(lines.length, slug).toBeGreaterThan(10);
      expect(
        lines.filter((line) => startForbidden.test(line) || endForbidden.test(line)),
        slug,
      ).toEqual([]);
    }
  });

  it('breaks Korean between words only', async () => {
    // The words as the book has them: the article's, and imprint's own (the byline's 및, the date, the labels).
    const book = (await epubFiles(await readFile(file('ko-port-strike-ends', '.epub')))).get('OEBPS/article.xhtml')!;
    const words = new Set(
      decode(book)
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/u),
    );
    const printed = (await rawText(file('ko-port-strike-ends', '.pdf')))
      .split(/\s+/u)
      .filter((word) => /\p{Script=Hangul}/u.test(word));
    // Every printed run of Hangul is a whole word of the source (or a label of imprint's own).
    const broken = printed.filter(
      (word) =>
        ![...words].some(
          (whole) => whole.includes(word) && (whole === word || !/\p{Script=Hangul}/u.test(whole.replace(word, ''))),
        ),
    );
    expect(broken.filter((word) => !/쪽/.test(word))).toEqual([]);
  });

  it('breaks Thai only where a word ends', async () => {
    const lines = (await rawText(file('th-ferry-resumes', '.pdf')))
      .split('\n')
      .filter((line) => /\p{Script=Thai}/u.test(line));
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    for (let i = 0; i + 1 < lines.length; i++) {
      const [end, start] = [lines[i]!.trim(), lines[i + 1]!.trim()];
      if (!/\p{Script=Thai}$/u.test(end) || !/^\p{Script=Thai}/u.test(start)) continue;
      const joined = end + start;
      const boundaries = new Set([...words.segment(joined)].map((segment) => segment.index));
      expect(boundaries.has(end.length), `${end} | ${start}`).toBe(true);
    }
  });
});

describe('labels and dates in the article language', () => {
  it('number the pages in the language', async () => {
    expect(await rawText(file('zh-hans-port-reopens', '.pdf'))).toMatch(/第1页，共\d页/);
    expect(await rawText(file('ja-fishing-port-reopens', '.pdf'))).toMatch(/1\/\dページ/);
    expect(await rawText(file('zh-hant-ferry-resumes', '.pdf'))).toMatch(/第1頁，共\d頁/);
  });

  it('date Persian and Thai articles in the Gregorian calendar, in the language’s digits', async () => {
    const fa = (await epubFiles(await readFile(file('fa-new-terminal', '.epub')))).get('OEBPS/article.xhtml')!;
    expect(decode(fa)).toContain('۵ نوامبر ۲۰۲۴');
    const th = (await epubFiles(await readFile(file('th-ferry-resumes', '.epub')))).get('OEBPS/article.xhtml')!;
    expect(decode(th)).toContain('<span class="date">20 พฤศจิกายน ค.ศ. 2025</span>');
  });

  it('offer the downloads in the language', async () => {
    expect(await readFile(join(outDir, 'ar-port-reopens', 'index.html'), 'utf8')).toContain('PDF للقراءة والطباعة');
    expect(await readFile(join(outDir, 'ko-port-strike-ends', 'index.html'), 'utf8')).toContain('기자');
  });
});

describe('EPUBs in every script', () => {
  it('pass EPUBCheck with no message', async () => {
    const verdicts: Record<string, string[]> = {};
    // Two at a time, one per core.
    for (let i = 0; i < articles.length; i += 2) {
      await Promise.all(
        articles
          .slice(i, i + 2)
          .map(
            async ({ slug }) =>
              (verdicts[slug] = (await epubcheck(file(slug, '.epub'))).map(
                (message) => `${message.ID}: ${message.message}`,
              )),
          ),
      );
    }
    expect(Object.entries(verdicts).filter(([, messages]) => messages.length > 0)).toEqual([]);
  }, 600_000);

  it('leave DAISY Ace nothing to report, right to left and in Han as in Latin', async () => {
    for (const slug of ['ar-port-reopens', 'zh-hans-port-reopens', 'bn-launch-service'])
      expect((await ace(file(slug, '.epub'))).violations, slug).toEqual([]);
  }, 600_000);

  it('carry fonts only for scripts e-readers lack, subset to the characters used, with their licences', async () => {
    const fontsOf = async (slug: string) =>
      [...(await epubFiles(await readFile(file(slug, '.epub')))).keys()].filter((name) =>
        name.startsWith('OEBPS/fonts/'),
      );
    expect(await fontsOf('zh-hans-port-reopens')).toEqual([]);
    expect(await fontsOf('ar-port-reopens')).toEqual([]);
    const bengali = await fontsOf('bn-launch-service');
    expect(bengali).toEqual(
      expect.arrayContaining([
        'OEBPS/fonts/noto-sans-bengali-400-0.ttf',
        'OEBPS/fonts/noto-sans-bengali-700-0.ttf',
        'OEBPS/fonts/noto-sans-bengali-LICENSE.txt',
      ]),
    );
    const georgian = await JSZip.loadAsync(await readFile(file('ka-deep-water-port', '.epub')));
    // The whole Georgian slice is a 35 kB TrueType font for each weight; a subset of one article's letters is a fraction.
    for (const name of ['OEBPS/fonts/noto-sans-georgian-400-1.ttf', 'OEBPS/fonts/noto-sans-georgian-700-1.ttf'])
      expect((await georgian.file(name)!.async('uint8array')).byteLength, name).toBeLessThan(12_000);
    const css = (await epubFiles(await readFile(file('bn-launch-service', '.epub')))).get('OEBPS/style.css')!;
    expect(css).toMatch(
      /@font-face \{ font-family: "Noto Sans Bengali"; font-weight: 400; src: url\("fonts\/noto-sans-bengali-400-0.ttf"\) format\("truetype"\); unicode-range: U\+/,
    );
  });
});

describe('a character no bundled font has', () => {
  it('stops the article at its line and column, with its code point, and imprint check names the rule', async () => {
    const run = await imprint(['build', 'tests/fixtures/world-refused', '-o', join(outDir, 'refused')], process.cwd());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'tests/fixtures/world-refused/mixed-missing-glyph.md:16:80: no bundled font has "ສ" (U+0EAA)',
    );
    const check = await imprint(['check', 'tests/fixtures/world-refused'], process.cwd());
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('mixed-missing-glyph.md:16:80  missing-glyph  no bundled font has "ສ" (U+0EAA)');
  });
});

describe('an article that does not say its language', () => {
  it('is read in the language its text is written in, said in a note, in every edition', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-nolang-'));
    const source = (await readFile(join(fixtures, 'fa-new-terminal.md'), 'utf8')).replace(/^lang: fa\n/m, '');
    const { writeFile, mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(join(dir, 'images'));
    await copyFile(join(fixtures, 'images/harbour.jpg'), join(dir, 'images/harbour.jpg'));
    await writeFile(join(dir, 'terminal.md'), source);
    const run = await imprint(['build', dir, '-o', join(dir, 'out')], process.cwd());
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toContain('no lang given; the text reads as fa (Persian)');
    expect((await pdfInfo(await readFile(join(dir, 'out/terminal/terminal.pdf')))).lang).toBe('(fa)');
    expect(
      (await epubFiles(await readFile(join(dir, 'out/terminal/terminal.epub')))).get('OEBPS/content.opf'),
    ).toContain('<dc:language>fa</dc:language>');
    expect(await readFile(join(dir, 'out/terminal/index.html'), 'utf8')).toContain('<html lang="fa" dir="rtl">');
  });
});

/** The letters of `wanted` that `text` has fewer of. */
function missingLetters(wanted: string, text: string): string[] {
  const count = (s: string) =>
    [...s].reduce((counts, char) => counts.set(char, (counts.get(char) ?? 0) + 1), new Map<string, number>());
  const have = count(text);
  return [...count(wanted)].filter(([char, n]) => (have.get(char) ?? 0) < n).map(([char]) => char);
}

async function viewerDirection(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return String(doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('Direction')));
}

function decode(xhtml: string): string {
  return xhtml.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}
