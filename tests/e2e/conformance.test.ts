// The archival and press editions keep the print edition's text, tags and photos exactly, and meet the PDF/A-2u
// and PDF/X-4 clauses our own checker reads (tests/helpers/conformance.ts lists them by clause number).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { checkPdfA2u, checkPdfX4, jpegStreams, pdfaClauses, pdfxClauses } from '../helpers/conformance.js';

const articles = {
  'convoy-leaves-the-corridor': 'tests/fixtures/rich',
  'names-in-four-scripts': 'tests/fixtures/scripts',
  'russian-peacekeepers-withdrawing-from-nagorno-karabakh': 'content',
};
let outDir: string;
const edition = (slug: string, suffix: string) => readFile(join(outDir, slug, `${slug}${suffix}`));

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'imprint-conformance-'));
  const results = await build(
    Object.values(articles),
    v.parse(buildOptionsSchema, { outDir, formats: ['pdf', 'press', 'archival'] }),
  );
  expect(results.map((r) => (r.ok ? 'ok' : r.error.describe()))).toEqual(['ok', 'ok', 'ok']);
});

/** pdftotext's reading of a PDF, with whitespace folded and line-end hyphens joined. */
async function textLayer(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-text-'));
  const path = join(dir, 'in.pdf');
  await writeFile(path, bytes);
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout
    .replace(/\u00AD/g, '')
    .replace(/-\n(?=\p{Ll})/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe.each(Object.keys(articles))('%s', (slug) => {
  it('archival and press text layers equal the print edition’s, in every script', async () => {
    const print = await textLayer(await edition(slug, '.pdf'));
    expect(print.length).toBeGreaterThan(200);
    expect(await textLayer(await edition(slug, '.archival.pdf'))).toBe(print);
    expect(await textLayer(await edition(slug, '.press.pdf'))).toBe(print);
  });

  it(`archival meets the PDF/A-2u clauses checked (${Object.keys(pdfaClauses).join(', ')})`, async () => {
    expect(await checkPdfA2u(await edition(slug, '.archival.pdf'))).toEqual([]);
  });

  it(`press meets the PDF/X-4 clauses checked (${Object.keys(pdfxClauses).join(', ')})`, async () => {
    expect(await checkPdfX4(await edition(slug, '.press.pdf'))).toEqual([]);
  });

  it('archival keeps the structure tags and the print edition’s photo streams byte for byte', async () => {
    const archival = await PDFDocument.load(await edition(slug, '.archival.pdf'), { updateMetadata: false });
    expect(archival.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(archival.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(await jpegStreams(await edition(slug, '.archival.pdf'))).toEqual(
      await jpegStreams(await edition(slug, '.pdf')),
    );
  });

  it('no bookmark, title or metadata string carries a soft hyphen', async () => {
    for (const suffix of ['.pdf', '.archival.pdf', '.press.pdf']) {
      const bytes = await edition(slug, suffix);
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const strings: string[] = [];
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFDict)) continue;
        for (const key of ['Title', 'Author', 'Subject', 'Keywords']) {
          const value = object.get(PDFName.of(key));
          if (value instanceof PDFString || value instanceof PDFHexString) strings.push(value.decodeText());
        }
      }
      expect(strings.length).toBeGreaterThan(0);
      expect(strings.filter((s) => s.includes('\u00AD'))).toEqual([]);
      // Each XMP packet on its own: the photos carry their own credit XMP now, and a greedy match from the
      // document's packet to a photo's would span image bytes that may decode to U+00AD.
      const packets =
        Buffer.from(bytes)
          .toString('utf8')
          .match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g) ?? [];
      expect(packets.length).toBeGreaterThan(0);
      expect(packets.filter((packet) => packet.includes('\u00AD'))).toEqual([]);
    }
  });
});

describe('the checker itself', () => {
  it('finds what the print edition, which claims neither, lacks', async () => {
    // The print edition has a document ID and XMP (it claims PDF/UA), but no output intent and no pdfaid.
    expect(await checkPdfA2u(await edition('convoy-leaves-the-corridor', '.pdf'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^6\.2\.3:/), expect.stringMatching(/^6\.6\.4:/)]),
    );
    expect(await checkPdfX4(await edition('convoy-leaves-the-corridor', '.pdf'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^6\.2\.2:/),
        expect.stringMatching(/^6\.4:/),
        expect.stringMatching(/^6\.2\.3:/),
      ]),
    );
  });
});
