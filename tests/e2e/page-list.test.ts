// Print page numbers in the EPUB: a page list with an entry per page of the print edition, each pointing at a
// page break marker placed where that page really begins, for A4, Letter and a trim size alike.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { pdfPageTexts } from '../helpers/pdf.js';
import { letters } from '../helpers/text.js';

const firstArticle = 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md';

/** The first article with its body told four more times, under headings: four or more pages, even on A4. */
async function longArticle(dir: string): Promise<string> {
  const source = await readFile(firstArticle, 'utf8');
  const [, frontMatter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(source)!;
  const text = body!.replace(/::: figure[\s\S]*?:::\n/, '');
  const path = join(dir, 'long-read.md');
  await writeFile(
    path,
    `${frontMatter}${body}\n## What came before\n\n${text}\n## What comes next\n\n${text}\n## The view from Yerevan\n\n${text}\n## The view from Baku\n\n${text}`,
  );
  return path;
}

describe('the EPUB of a four-page article', () => {
  for (const page of ['a4', 'letter', '6in x 9in']) {
    it(`lists every print page (${page}) and marks each where the print edition's page begins`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'imprint-pages-'));
      const [result] = await build(
        [await longArticle(dir)],
        v.parse(buildOptionsSchema, { outDir: join(dir, 'out'), formats: ['pdf', 'epub'], page }),
      );
      expect(result).toMatchObject({ ok: true });
      // pdf.js's reading of each page: another reader than the poppler the build uses to find the pages.
      const pageTexts = await pdfPageTexts(await readFile(join(dir, 'out/long-read/long-read.pdf')));
      expect(pageTexts.length).toBeGreaterThanOrEqual(4);

      const files = await epubFiles(await readFile(join(dir, 'out/long-read/long-read.epub')));
      const nav = parseXml(files.get('OEBPS/toc.xhtml')!);
      const entries = Array.from(nav.querySelectorAll('nav#page-list a'), (a) => [
        a.textContent,
        a.getAttribute('href'),
      ]);
      expect(entries).toEqual(pageTexts.map((_, i) => [String(i + 1), `article.xhtml#page-${i + 1}`]));

      const chapter = files.get('OEBPS/article.xhtml')!;
      const markers = [
        ...chapter.matchAll(/<span epub:type="pagebreak" role="doc-pagebreak" id="page-(\d+)" aria-label="(\d+)"\/>/g),
      ];
      expect(markers.map((m) => [m[1], m[2]])).toEqual(pageTexts.map((_, i) => [String(i + 1), String(i + 1)]));
      // What follows each marker in the chapter is what the print page starts with, once its running head and
      // footer are set aside.
      const head = letters(
        'The Moscow Times · Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms',
      );
      pageTexts.forEach((text, i) => {
        if (i === 0) return;
        const printed = letters(text)
          .replace(head, '')
          .replace(letters(`Page ${i + 1} of ${pageTexts.length}`), '')
          .slice(0, 30);
        const after = letters(
          chapter
            .slice(markers[i]!.index! + markers[i]![0].length)
            .replace(/<[^>]+>/g, '')
            .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
        ).slice(0, 30);
        expect([i + 1, after]).toEqual([i + 1, printed]);
      });

      const opf = files.get('OEBPS/content.opf')!;
      expect(opf).toContain('<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>');
      expect(opf).toContain('<meta property="schema:accessibilityFeature">printPageNumbers</meta>');
      expect(opf).toMatch(
        new RegExp(
          `<dc:source id="page-source">long-read.pdf: The Moscow Times, print edition, ${pageTexts.length} pages</dc:source>`,
        ),
      );
      expect(opf).toContain('<meta refines="#page-source" property="source-of">pagination</meta>');
      if (page === '6in x 9in') expect(await epubcheck(join(dir, 'out/long-read/long-read.epub'))).toEqual([]);
    }, 60_000);
  }
});
