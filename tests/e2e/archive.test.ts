// The archival edition (PDF/A-2u metadata as an archive reads it; the clauses are in conformance.test.ts),
// reproducible rebuilds,
// and the manifest that lets `imprint verify` audit an archive years later.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { cli } from '../helpers/imprint.js';
import { pdfFonts, pdfPageTexts } from '../helpers/pdf.js';

const slug = 'convoy-leaves-the-corridor';
let outDir: string;
const file = (suffix: string, dir = outDir) => join(dir, slug, `${slug}${suffix}`);
const hash = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-archive-'));
  const results = await build(['tests/fixtures/rich', 'content'], v.parse(buildOptionsSchema, { outDir }));
  expect(results.map((r) => r.ok)).toEqual([true, true]);
});

describe('archival edition (PDF/A-2u)', () => {
  let doc: PDFDocument;
  let xmp: string;
  beforeAll(async () => {
    doc = await PDFDocument.load(await readFile(file('.archival.pdf')), { updateMetadata: false });
    xmp = new TextDecoder().decode(rawStream(doc.catalog.lookup(PDFName.of('Metadata'))).getContents());
  });

  it('declares PDF/A-2u in XMP that carries title, authors, publication, date, source and credits', () => {
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Convoy Leaves the Corridor as Talks Resume</rdf:li>');
    expect(xmp).toContain('<rdf:li>Ann Lee; Бо Чан</rdf:li>');
    expect(xmp).toContain('<dc:publisher><rdf:Bag><rdf:li>Fixture Gazette</rdf:li></rdf:Bag></dc:publisher>');
    expect(xmp).toContain('<rdf:li>2024-04-18</rdf:li>');
    expect(xmp).toContain('<dc:source>https://example.org/2024/04/18/convoy-leaves-the-corridor</dc:source>');
    expect(xmp).toContain('<rdf:li>AFP contributed reporting.</rdf:li><rdf:li>Reuters contributed reporting.</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2024-04-18T00:00:00Z</xmp:CreateDate>');
  });

  it('agrees with its document information', () => {
    expect(doc.getTitle()).toBe('Convoy Leaves the Corridor as Talks Resume');
    expect(doc.getAuthor()).toBe('Ann Lee; Бо Чан');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-04-18T00:00:00.000Z');
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
  });

  it('has an sRGB output intent with its ICC profile embedded', () => {
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = doc.context.lookup(intents.get(0), PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = rawStream(doc.context.lookup(intent.get(PDFName.of('DestOutputProfile'))));
    expect(String(profile.dict.get(PDFName.of('N')))).toBe('3');
    expect(Buffer.from(profile.getContents()).length).toBeGreaterThan(128);
  });

  it('embeds every font, keeps the text and the links, and has no encryption or JavaScript', async () => {
    const bytes = await readFile(file('.archival.pdf'));
    expect((await pdfFonts(bytes)).filter((font) => !font.embedded)).toEqual([]);
    const text = (await pdfPageTexts(bytes)).join('\n');
    expect(text).toContain('The last convoy leaves the Lachin Corridor on Thursday.');
    expect(text).toContain('AFP contributed reporting.');
    const uris = doc.getPages().flatMap((page) => {
      const annots = page.node.Annots();
      return annots
        ? annots
            .asArray()
            .map((ref) => doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict).get(PDFName.of('URI')))
        : [];
    });
    expect(uris.map((uri) => (uri instanceof PDFString ? uri.decodeText() : String(uri)))).toContain(
      'https://example.org/2024/04/18/convoy-leaves-the-corridor',
    );
    expect(doc.context.trailerInfo.Encrypt).toBeUndefined();
    expect(Buffer.from(bytes).includes('/JavaScript')).toBe(false);
    expect(Buffer.from(bytes).subarray(0, 8).toString()).toBe('%PDF-1.7');
  });
});

describe('reproducible outputs', () => {
  it('gives byte-identical print, press, archival and e-reader editions, and manifest, when rebuilt', async () => {
    const again = await mkdtemp(join(tmpdir(), 'imprint-archive-again-'));
    await build(['tests/fixtures/rich', 'content'], v.parse(buildOptionsSchema, { outDir: again }));
    for (const suffix of ['.pdf', '.press.pdf', '.archival.pdf', '.epub'])
      expect(await hash(file(suffix, again))).toBe(await hash(file(suffix)));
    expect(await hash(join(again, 'manifest.json'))).toBe(await hash(join(outDir, 'manifest.json')));
  });
});

describe('manifest and verify', () => {
  it('lists each article with its source hash and every edition with size, pages and hash', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.tool).toEqual({ name: 'imprint', version: '0.1.0' });
    expect(manifest.settings.formats).toEqual(['pdf', 'epub', 'press', 'archival', 'html']);
    const entry = manifest.articles[slug];
    expect(entry.source).toEqual({
      path: `tests/fixtures/rich/${slug}.md`,
      sha256: await hash(`tests/fixtures/rich/${slug}.md`),
    });
    const paths = entry.editions.map((e: { path: string }) => e.path);
    expect(paths.slice(0, 5)).toEqual([
      `${slug}/${slug}.pdf`,
      `${slug}/${slug}.epub`,
      `${slug}/${slug}.press.pdf`,
      `${slug}/${slug}.archival.pdf`,
      `${slug}/index.html`,
    ]);
    // The web page's two photos under content-hash names (the photo also as AVIF; the map, line art, only as PNG), and the pictures of the PDF's first page and the cover.
    expect(paths.slice(5).map((path: string) => path.replace(/[0-9a-f]{16}/, 'HASH'))).toEqual([
      `${slug}/images/HASH.jpg`,
      `${slug}/images/HASH.png`,
      `${slug}/images/HASH.avif`,
      `${slug}/page-1.jpg`,
      `${slug}/cover.jpg`,
    ]);
    expect(entry.article).toMatchObject({
      title: 'Convoy Leaves the Corridor as Talks Resume',
      date: '2024-04-18',
      byline: ['Ann Lee', 'Бо Чан'],
      lang: 'en',
    });
    for (const edition of entry.editions) {
      expect(edition.sha256).toBe(await hash(join(outDir, edition.path)));
      expect(edition.bytes).toBe((await readFile(join(outDir, edition.path))).length);
    }
    expect(entry.editions[0].pages).toBe(2);
    expect(Object.keys(manifest.articles)).toEqual([slug, 'russian-peacekeepers-withdrawing-from-nagorno-karabakh']);
  });

  it('imprint verify passes on the archive, and catches a changed byte and a missing file', async () => {
    const run = (dir: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
        execFile('node', [cli, 'verify', dir], (error, stdout, stderr) =>
          done({ code: error ? Number(error.code) : 0, stdout, stderr }),
        ),
      );
    const copy = await mkdtemp(join(tmpdir(), 'imprint-verify-'));
    await build(['tests/fixtures/rich'], v.parse(buildOptionsSchema, { outDir: copy, formats: ['pdf', 'epub'] }));
    expect(await run(copy)).toMatchObject({ code: 0, stdout: 'all 2 files match the manifest.\n' });

    const pdf = file('.pdf', copy);
    const bytes = await readFile(pdf);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 1;
    await writeFile(pdf, bytes);
    await rm(file('.epub', copy));
    const broken = await run(copy);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`CHANGED  ${pdf}  sha256 `);
    expect(broken.stdout).toContain(`MISSING  ${file('.epub', copy)}  listed in the manifest but not on disk`);
    expect(broken.stderr).toContain('2 of 2 files missing or changed.');
  });

  it('imprint verify explains a folder without a manifest', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'imprint-verify-empty-'));
    const result = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile('node', [cli, 'verify', empty], (error, _stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('manifest.json: no readable manifest.json');
  });
});

function rawStream(object: unknown): PDFRawStream {
  if (!(object instanceof PDFRawStream)) throw new Error(`expected a stream, got ${String(object)}`);
  return object;
}
