// Collections: the first article and two fixtures as one weekend edition, in every edition. The contents page
// gives the page each article really begins on (read back from the PDF), each article starts a page and has
// its bookmark, the EPUB has a chapter per article and a nav grouped by section, and nothing of any article's
// captions and credits is lost. A bad or missing article stops the collection, named.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibreText } from '../helpers/calibre.js';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { imprint, type Run, withoutLowResolution } from '../helpers/imprint.js';
import { pdfInfo, pdfPageTexts } from '../helpers/pdf.js';
import { letters } from '../helpers/text.js';

const collectionFile = resolve('tests/fixtures/collection/weekend-edition.yaml');
const headlines = [
  'Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms',
  'Convoy Leaves the Corridor as Talks Resume',
  'Peskov, Mitsotakis and Pashinyan Meet',
];
const kept = [
  'A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass.',
  'Valery Sharifulin / TASS',
  'AFP contributed reporting.',
  'The last convoy leaves the Lachin Corridor on Thursday.',
  'Jane Doe / AP',
  'Reuters contributed reporting.',
];

/** The PDF's bookmarks: top level, each with its children's titles. */
async function bookmarks(bytes: Uint8Array): Promise<{ title: string; children: string[] }[]> {
  const doc = await PDFDocument.load(bytes);
  const title = (item: PDFDict) => item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
  const list = (first: PDFDict | undefined) => {
    const items: PDFDict[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) items.push(item);
    return items;
  };
  return list(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict)).map(
    (item) => ({
      title: title(item),
      children: list(item.lookupMaybe(PDFName.of('First'), PDFDict)).map(title),
    }),
  );
}

describe('a collection of three articles in two sections', () => {
  let out: string;
  let run: Run;
  const file = (suffix: string) => join(out, 'weekend-edition', `weekend-edition${suffix}`);

  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'imprint-collection-')), 'out');
    run = await imprint(['build', collectionFile, '--out', out], process.cwd());
  }, 180_000);

  it('builds the five editions, the web one a page of the whole collection', async () => {
    expect(withoutLowResolution(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect((await readdir(join(out, 'weekend-edition'))).sort()).toEqual([
      'cover.jpg',
      'images',
      'index.html',
      'page-1.jpg',
      'weekend-edition.archival.pdf',
      'weekend-edition.epub',
      'weekend-edition.pdf',
      'weekend-edition.press.pdf',
    ]);
  });

  it('gives, on the contents page, the page each article begins on, and starts each on a page of its own', async () => {
    const pages = await pdfPageTexts(await readFile(file('.pdf')));
    const contents = pages[1]!;
    expect(contents).toContain('Contents');
    const listed = headlines.map((headline) => {
      const after = contents.slice(contents.indexOf(headline.slice(0, 30)) + headline.length - 10);
      return Number(/\b(\d+)\b/.exec(after)?.[1]);
    });
    expect(listed.every((page, i) => page > 2 && (i === 0 || page > listed[i - 1]!))).toBe(true);
    headlines.forEach((headline, i) => {
      const start = pages[listed[i]! - 1]!;
      // Its headline is on that page, under the article's own masthead, and the page before is another's.
      expect([headline, letters(start).includes(letters(headline))]).toEqual([headline, true]);
      if (i > 0)
        expect([headline, letters(pages[listed[i]! - 2]!).includes(letters(headline))]).toEqual([headline, false]);
    });
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('has a bookmark per article, with its subheadings below it', async () => {
    const marks = await bookmarks(await readFile(file('.pdf')));
    expect(marks.map((mark) => mark.title)).toEqual(['Contents', ...headlines]);
    expect(marks[2]!.children).toEqual(['What was agreed', 'Forces in the region']);
  });

  it('names the collection, every author once, and the publication in the document', async () => {
    const info = await pdfInfo(await readFile(file('.pdf')));
    expect(info.title).toBe('The Weekend Edition');
    expect(info.author).toBe('Ann Lee; Бо Чан');
  });

  it('keeps every caption, photo credit and reporting credit in the PDF and the EPUB', async () => {
    const pdfText = (await pdfPageTexts(await readFile(file('.pdf'))))
      .join(' ')
      .replaceAll('\u00AD', '')
      .replace(/\s+/g, ' ')
      .toLowerCase();
    const files = await epubFiles(await readFile(file('.epub')));
    const chapters = [1, 2, 3]
      .map((n) => files.get(`OEBPS/article-${n}.xhtml`) ?? '')
      .join(' ')
      .replaceAll('&#x2019;', '’');
    for (const text of kept) {
      expect([text, pdfText.includes(text.toLowerCase())]).toEqual([text, true]);
      expect([text, chapters.includes(text)]).toEqual([text, true]);
    }
  });

  it('makes an EPUB with a chapter per article, a nav grouped by section, every author once, that EPUBCheck passes', async () => {
    const files = await epubFiles(await readFile(file('.epub')));
    const nav = parseXml(files.get('OEBPS/toc.xhtml')!);
    const sections = Array.from(nav.querySelectorAll('#toc > ol > li'), (li) => [
      li.querySelector('span')?.textContent,
      Array.from(li.querySelectorAll('a'), (a) => a.textContent),
    ]);
    expect(sections).toEqual([
      ['The region', headlines.slice(0, 2)],
      ['Names', headlines.slice(2)],
    ]);
    const opf = parseXml(files.get('OEBPS/content.opf')!);
    expect(Array.from(opf.getElementsByTagName('dc:creator'), (element) => element.textContent)).toEqual([
      'Ann Lee',
      'Бо Чан',
    ]);
    expect(Array.from(opf.getElementsByTagName('dc:contributor'), (element) => element.textContent)).toEqual([
      'AFP contributed reporting.',
      'Reuters contributed reporting.',
    ]);
    expect(opf.getElementsByTagName('dc:title')[0]?.textContent).toBe('The Weekend Edition');
    expect(await epubcheck(file('.epub'))).toEqual([]);
  }, 60_000);

  it("lists the print pages of its articles in the EPUB, each marked in its article's chapter where that page begins", async () => {
    const pageTexts = await pdfPageTexts(await readFile(file('.pdf')));
    const files = await epubFiles(await readFile(file('.epub')));
    const entries = Array.from(
      parseXml(files.get('OEBPS/toc.xhtml')!).querySelectorAll('nav#page-list a'),
      (a) => [a.textContent!, a.getAttribute('href')!] as const,
    );
    // Every page after the title page and the contents, in order.
    expect(entries.map(([label]) => label)).toEqual(pageTexts.slice(2).map((_, i) => String(i + 3)));
    for (const [label, href] of entries) {
      const [chapterFile, id] = href.split('#');
      const chapter = files.get(`OEBPS/${chapterFile}`)!;
      const marker = new RegExp(
        `<span epub:type="pagebreak" role="doc-pagebreak" id="${id}" aria-label="${label}"/>`,
      ).exec(chapter);
      expect([label, marker !== null]).toEqual([label, true]);
      // The words after the marker are on that print page (pdf.js's reading of it), not on the one before.
      const after = letters(chapter.slice(marker!.index + marker![0].length).replace(/<[^>]+>/g, '')).slice(0, 30);
      expect([label, letters(pageTexts[Number(label) - 1]!).includes(after)]).toEqual([label, true]);
      expect([label, letters(pageTexts[Number(label) - 2]!).includes(after)]).toEqual([label, false]);
    }
    const opf = files.get('OEBPS/content.opf')!;
    expect(opf).toContain(
      `<dc:source id="page-source">weekend-edition.pdf: Fixture Gazette, print edition, ${pageTexts.length} pages</dc:source>`,
    );
  });

  it('reads in Calibre with the articles in order', async () => {
    const text = (await calibreText(file('.epub'))).replace(/\s+/g, ' ');
    const at = headlines.map((headline) => text.indexOf(headline));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  }, 120_000);

  it('is not built again when nothing changed, and a forced rebuild gives the same bytes', async () => {
    const hash = async () =>
      createHash('sha256')
        .update(await readFile(file('.pdf')))
        .update(await readFile(file('.epub')))
        .digest('hex');
    const before = await hash();
    expect((await imprint(['build', collectionFile, '--out', out], process.cwd())).stdout).toContain(
      '0 built, 1 unchanged.',
    );
    expect((await imprint(['build', collectionFile, '--out', out, '--force'], process.cwd())).stdout).toContain(
      '1 built, 0 unchanged.',
    );
    expect(await hash()).toBe(before);
  }, 120_000);
});

describe('a collection with a bad or a missing article', () => {
  it("stops with the article's file and line, or names the missing one at its line, and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-collection-bad-'));
    await cp(resolve('tests/fixtures/rich'), join(dir, 'rich'), { recursive: true });
    await writeFile(join(dir, 'bad.md'), '---\ntitle: Bad\ndate: 2024-13-01\npublication: P\n---\n\nText.\n');
    await writeFile(
      join(dir, 'issue.yaml'),
      'collection:\n  title: Issue\n  date: 2024-04-20\n  publication: P\n  articles:\n    - rich/convoy-leaves-the-corridor.md\n    - bad.md\n',
    );
    await writeFile(
      join(dir, 'missing.yaml'),
      'collection:\n  title: Issue\n  date: 2024-04-20\n  publication: P\n  articles:\n    - rich/convoy-leaves-the-corridor.md\n    - gone.md\n',
    );
    await writeFile(
      join(dir, 'typo.yaml'),
      'collection:\n  title: Issue\n  date: 2024-04-20\n  publication: P\n  articels: [bad.md]\n',
    );
    const bad = await imprint(['build', 'issue.yaml', '--out', 'out'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: bad.md:3');
    expect(bad.stderr).toContain('date is not a real calendar date');
    const missing = await imprint(['build', 'missing.yaml', '--out', 'out'], dir);
    expect(missing.stderr).toContain('error: missing.yaml:7: the article gone.md does not exist');
    const typo = await imprint(['build', 'typo.yaml', '--out', 'out'], dir);
    expect(typo.stderr).toContain('typo.yaml:5:3: unknown collection field "collection.articels"');
    expect(typo.stderr).toContain('Did you mean "collection.articles"?');
    expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([]);
  }, 60_000);
});

describe('a collection built with SOURCE_DATE_EPOCH set', () => {
  it('takes that date in its PDFs and EPUB, as an article of the same build does', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'imprint-collection-epoch-')), 'out');
    const article = resolve('tests/fixtures/rich/convoy-leaves-the-corridor.md');
    const run = await imprint(
      ['build', article, collectionFile, '--out', out, '--formats', 'pdf,archival,epub'],
      process.cwd(),
      { SOURCE_DATE_EPOCH: '1714000000' },
    );
    expect(withoutLowResolution(run.stderr)).toBe('');
    const epoch = '2024-04-24T23:06:40';
    for (const slug of ['convoy-leaves-the-corridor', 'weekend-edition']) {
      for (const suffix of ['.pdf', '.archival.pdf']) {
        const doc = await PDFDocument.load(await readFile(join(out, slug, `${slug}${suffix}`)), {
          updateMetadata: false,
        });
        const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
        const xmp = new TextDecoder().decode(
          metadata instanceof PDFRawStream ? metadata.getContents() : new Uint8Array(),
        );
        expect([slug, suffix, doc.getCreationDate()?.toISOString(), doc.getModificationDate()?.toISOString()]).toEqual([
          slug,
          suffix,
          `${epoch}.000Z`,
          `${epoch}.000Z`,
        ]);
        expect([slug, suffix, /<xmp:CreateDate>([^<]*)</.exec(xmp)?.[1]]).toEqual([slug, suffix, `${epoch}Z`]);
      }
      const opf = (await epubFiles(await readFile(join(out, slug, `${slug}.epub`)))).get('OEBPS/content.opf')!;
      expect([slug, /<meta property="dcterms:modified">([^<]*)</.exec(opf)?.[1]]).toEqual([slug, `${epoch}Z`]);
    }
  }, 120_000);
});
