// Hostile and heavy bodies cost time in proportion to their size in every stage before the browser (reading,
// the editorial checks, Markdown, hyphenation): each of these took minutes, quadratic in its length, before.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWithin } from '../helpers/bounded.js';

const size = 200_000;
/** Generous for a busy machine: each body here loads in well under a second now, and took over a minute before. */
const limitMs = 20_000;
const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('');

const bodies: Record<string, string> = {
  'one unbroken 200 kB word': letters(size),
  'one unbroken word ending in a hyphen, then a paragraph': `${letters(size)}-\n\nand more`,
  'a paragraph of 200 kB of "["': '['.repeat(size),
  'a paragraph of "![" repeated': '!['.repeat(size / 2),
  'a letter, 200 kB of spaces, a letter': `a${' '.repeat(size)}b`,
  'an unclosed shortcode and 200 kB of spaces': `{{< a${' '.repeat(size)}`,
  'unclosed shortcodes, one after another': '{{<a '.repeat(size / 5),
  'a shortcode line of one long argument': `{{< figure ${letters(size)}`,
  'dead links among brackets': `[x](#) ${'['.repeat(size)}`,
};

describe('heavy input before the browser', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imprint-heavy-'));
  });
  for (const [name, body] of Object.entries(bodies)) {
    it(
      `${name}: loaded, checked, rendered and hyphenated in linear time`,
      async () => {
        const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
        await writeFile(
          file,
          `---\ntitle: Heavy\ndate: 2024-04-17\npublication: Test\nlang: en\n---\n\nBefore.\n\n${body}\n\nAfter.\n`,
        );
        const outcome = await loadWithin(file, limitMs);
        expect(outcome).toMatchObject({ ok: true });
      },
      limitMs + 10_000,
    );
  }
});
