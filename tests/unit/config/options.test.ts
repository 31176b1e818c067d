// Build options: defaults, the limits of each flag, and --shard's I/N (which part of the articles a machine builds).
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildOptionsSchema } from '../../../src/config/options.js';
import { editions } from '../../../src/edition.js';

const parse = (input: Record<string, unknown>) => v.safeParse(buildOptionsSchema, input);
const message = (input: Record<string, unknown>) => {
  const result = parse(input);
  return result.success ? undefined : result.issues[0].message;
};

describe('buildOptionsSchema', () => {
  it('defaults to every edition, three tabs, a minute per page, 2 MB articles and 25 MB images', () => {
    expect(v.parse(buildOptionsSchema, {})).toMatchObject({
      outDir: 'output',
      formats: [...editions],
      jobs: 3,
      html: false,
      force: false,
      strict: false,
      maxArticleMb: 2,
      maxImageMb: 25,
      timeoutMs: 60_000,
      root: '.',
    });
    expect(v.parse(buildOptionsSchema, {}).shard).toBeUndefined();
    expect(v.parse(buildOptionsSchema, {}).page).toBeUndefined();
  });

  it('refuses an unknown edition or none, and out-of-range numbers, in the flag’s words', () => {
    expect(message({ formats: ['pdf', 'mobi'] })).toBe(
      `--formats takes a comma-separated list of: ${editions.join(', ')}`,
    );
    expect(message({ formats: [] })).toBe(`--formats needs at least one of: ${editions.join(', ')}`);
    for (const jobs of [0, 17]) expect(message({ jobs }), String(jobs)).toBe('--jobs takes a number from 1 to 16');
    expect(message({ jobs: 2.5 })).toBe('--jobs takes a whole number');
    expect(message({ timeoutMs: 500 })).toBe('--timeout must be at least 1 second');
    expect(message({ maxImageMb: 0 })).toBe('--max-image-mb must be positive');
    expect(message({ queue: 'http://localhost' })).toMatch(/^--queue takes a redis:\/\/ URL/);
    expect(message({ outDir: '' })).toBe('--out needs a folder');
    expect(parse({ page: '6in x 9in' }).success).toBe(true);
    expect(parse({ page: 'a5' }).success).toBe(false);
  });
});

describe('--shard', () => {
  it('reads I/N as index and count', () => {
    expect(v.parse(buildOptionsSchema, { shard: '2/4' }).shard).toEqual({ index: 2, count: 4 });
    expect(v.parse(buildOptionsSchema, { shard: '1/1' }).shard).toEqual({ index: 1, count: 1 });
    expect(v.parse(buildOptionsSchema, { shard: '4/4' }).shard).toEqual({ index: 4, count: 4 });
  });

  it('refuses an index outside 1…N and anything not written I/N', () => {
    for (const shard of ['0/4', '5/4', '1/0', '0/0'])
      expect(message({ shard }), shard).toBe('--shard takes I/N with 1 ≤ I ≤ N');
    for (const shard of ['2', '2/', '/4', 'a/b', '-1/4', '2 / 4', '1.5/4'])
      expect(message({ shard }), shard).toBe('--shard takes I/N, e.g. 2/4');
  });
});
