// Property tests: whatever front matter and Markdown arrive, the pipeline either succeeds or stops with an
// ImprintError that names the file; and every chapter it gives epub-gen-memory comes out well-formed XHTML.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { prepareArticle } from '../../src/article/article.js';
import { knownFields } from '../../src/article/front-matter.js';
import { loadArticle } from '../../src/article/load-article.js';
import { xmlIllegal } from '../../src/article/read-source.js';
import { builtInStyle } from '../../src/config/house-style.js';
import { generateEpub } from '../../src/editions/epub/epub.js';
import { articleView } from '../../src/editions/page/article-view.js';
import { ImprintError } from '../../src/errors.js';
import { loadingWorker } from '../helpers/bounded.js';

const validFrontMatter = '---\ntitle: T\ndate: 2024-04-17\npublication: P\n---\n';

/** Runs the loading stages on `text`; returns what happened, failing the property on any other exception. */
async function attempt(dir: string, text: string) {
  const path = join(dir, `case-${Math.random().toString(36).slice(2)}.md`);
  await writeFile(path, text);
  try {
    return { path, article: await prepareArticle(await loadArticle(path)) };
  } catch (error) {
    if (!(error instanceof ImprintError))
      throw new Error(`not an ImprintError for ${JSON.stringify(text)}: ${String(error)}`);
    expect(error.location?.file).toBe(path);
    expect(error.message.length).toBeGreaterThan(0);
    return { path, error };
  }
}

// Values YAML can hold, including the awkward ones.
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const fieldName = fc.oneof(fc.constantFrom(...knownFields), fc.string({ minLength: 1, maxLength: 12 }));

// Markdown made of the constructs the pipeline treats specially, in any order and nesting.
// Random text mostly in the blocks of scripts imprint prints, now and then any code point at all: one that no
// bundled font has (unassigned, private use, a script without a font) is refused (missing-glyph), so a body
// of wholly random code points would almost never render.
const printedBlocks: [number, number][] = [
  [0x20, 0x17f],
  [0x391, 0x3c9],
  [0x400, 0x45f],
  [0x531, 0x556],
  [0x5d0, 0x5ea],
  [0x621, 0x64a],
  [0x905, 0x939],
  [0xe01, 0xe3a],
  [0x4e00, 0x9fa5],
  [0xac00, 0xd7a3],
];
const codePoint = fc.oneof(
  { arbitrary: fc.oneof(...printedBlocks.map(([min, max]) => fc.integer({ min, max }))), weight: 30 },
  { arbitrary: fc.integer({ min: 0, max: 0x10ffff }), weight: 1 },
);
const markdownPiece = fc.oneof(
  fc.array(codePoint, { maxLength: 30 }).map((points) => points.map((point) => String.fromCodePoint(point)).join('')),
  fc.constantFrom(
    '::: figure\n',
    ':::\n',
    '![alt](missing.png)',
    '![](x.jpg)',
    '**Credit**',
    '**',
    '*',
    '_',
    '`code`',
    '```\n',
    '> ',
    '- ',
    '1. ',
    '# ',
    '## ',
    '| a | b |\n| --- | --- |\n| 1 | 2 |\n',
    '[link](#)',
    '[x]()',
    '<script>alert(1)</script>',
    '<b>',
    '</b>',
    '&amp;',
    '&#0;',
    '"quoted"',
    "'single'",
    '--',
    '...',
    '\n',
    '\n\n',
    '\u0000',
    '\u0001',
    '\u000B',
    '\u001F',
    '\uFFFE',
    '\uFFFF',
    '\uD800',
    'Moscow-\n\nbrokered',
    'Նիկոլ',
    'Κυριάκος',
    'Песков',
    '新华社',
    'الأمم المتحدة',
    'שלום',
    'शिखर',
    '🎉',
  ),
);
const markdown = fc.array(markdownPiece, { maxLength: 25 }).map((pieces) => pieces.join(''));

describe('random front matter', () => {
  it('is accepted or refused with an ImprintError naming the file, never anything else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-prop-fm-'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fieldName, yamlValue, { maxKeys: 8 }), async (fields) => {
        await attempt(dir, `---\n${stringify(fields)}---\n\nBody.\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('survives front matter that is not even YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-prop-raw-'));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (raw) => {
        await attempt(dir, `---\n${raw}\n---\n\nBody.\n`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('random Markdown', () => {
  it('renders or is refused with an ImprintError, and every chapter epub-gen-memory writes is well-formed XHTML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-prop-md-'));
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const outcome = await attempt(dir, `${validFrontMatter}\n${body}`);
        if (!outcome.article) return;
        rendered++;
        const { generated } = await generateEpub(
          outcome.article,
          articleView(outcome.article, builtInStyle),
          new Date('2024-04-17T00:00:00Z'),
          undefined,
        );
        const zip = await JSZip.loadAsync(generated);
        for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) {
          const xml = await zip.file(name)!.async('string');
          const verdict = XMLValidator.validate(xml);
          if (verdict !== true)
            throw new Error(`${name} is not well-formed for ${JSON.stringify(body)}: ${JSON.stringify(verdict.err)}`);
          // The validator does not check characters: XML 1.0 forbids these, and so does EPUBCheck.
          if (xmlIllegal.test(xml))
            throw new Error(`${name} holds a character XML forbids, for ${JSON.stringify(body)}`);
        }
      }),
      { numRuns: 150 },
    );
    expect(rendered).toBeGreaterThan(50); // the property must have exercised the EPUB, not only refusals
  });
});

// Fuzzing at scale: whole articles (front matter and Markdown together), now and then with one piece repeated
// into tens of kilobytes (a pasted blob, a paragraph of brackets), through every stage before the browser in a
// worker that is ended when a case takes longer than the limit. IMPRINT_FUZZ_RUNS sets the number of cases
// (npm run fuzz: 10,000); the default suite runs 300.
const fuzzRuns = Number(process.env.IMPRINT_FUZZ_RUNS ?? 300);
/** Far above what any case takes (a 200 kB body loads in about a second); a case past it is a hang. */
const fuzzLimitMs = 20_000;
// What a paste or an attacker repeats: a marker Markdown reads specially, or a word with no space to break it.
const repeated = fc.oneof(
  fc.constantFrom(
    '[',
    '![',
    ']',
    '(',
    ' ',
    '*',
    '_',
    '`',
    '<',
    '>',
    '\\',
    '-',
    '&',
    '|',
    '#',
    '{{< a',
    '{{< ',
    '>}}',
    'a',
    'a-',
    '[a](',
    '*a',
    ':::',
  ),
  fc
    .array(fc.integer({ min: 0x61, max: 0x7a }), { minLength: 1, maxLength: 12 })
    .map((points) => String.fromCodePoint(...points)),
  markdownPiece,
);
const heavyPiece = fc
  .tuple(repeated, fc.integer({ min: 10_000, max: 200_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length));
const fuzzBody = fc.oneof(
  { arbitrary: markdown, weight: 19 },
  {
    arbitrary: fc
      .array(fc.oneof(markdownPiece, heavyPiece), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('')),
    weight: 1,
  },
);
const fuzzFrontMatter = fc.oneof(
  { arbitrary: fc.constant(validFrontMatter), weight: 6 },
  {
    arbitrary: fc
      .dictionary(fieldName, yamlValue, { maxKeys: 8 })
      .map((fields) => `---\n${stringify({ title: 'T', date: '2024-04-17', publication: 'P', ...fields })}---\n`),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((raw) => `---\n${raw}\n---\n`), weight: 1 },
);

describe('fuzzing the stages before the browser', () => {
  it(
    `builds or refuses ${fuzzRuns} random articles, naming the file, with no internal error and no hang`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'imprint-fuzz-'));
      const worker = loadingWorker(fuzzLimitMs);
      const counts = { built: 0, refused: 0 };
      try {
        await fc.assert(
          fc.asyncProperty(fuzzFrontMatter, fuzzBody, async (frontMatter, body) => {
            const path = join(dir, `case-${counts.built + counts.refused}.md`);
            await writeFile(path, `${frontMatter}\n${body}`);
            const outcome = await worker.load(path);
            const shown = JSON.stringify(`${frontMatter}\n${body}`).slice(0, 300);
            if ('timedOut' in outcome) throw new Error(`no answer within ${fuzzLimitMs / 1000} s for ${shown}`);
            if ('internal' in outcome) throw new Error(`internal error for ${shown}: ${outcome.internal}`);
            if ('refused' in outcome) {
              if (outcome.refused.file !== path)
                throw new Error(
                  `refusal does not name the file (${outcome.refused.file}) for ${shown}: ${outcome.refused.message}`,
                );
              counts.refused++;
            } else counts.built++;
          }),
          { numRuns: fuzzRuns },
        );
      } finally {
        await worker.close();
      }
      expect(counts.built).toBeGreaterThan(fuzzRuns / 10); // the cases must reach the Markdown, not only be refused
    },
    Math.max(300_000, fuzzRuns * 200),
  );
});
