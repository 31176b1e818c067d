// imprint manifest merge: shard parts joined into manifest.json, conflicts refused with both parts named.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImprintError } from '../../../src/errors.js';
import type { Manifest, ManifestArticle } from '../../../src/output/manifest.js';
import { mergeManifestParts } from '../../../src/output/merge-manifests.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imprint-merge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (slug: string, sha = 'a'.repeat(64)): ManifestArticle => ({
  source: { path: `content/${slug}.md`, sha256: sha },
  editions: [{ edition: 'pdf', path: `${slug}.pdf`, bytes: 1000, pages: 2, sha256: sha }],
});
const manifest = (articles: Record<string, ManifestArticle>): Manifest => ({
  tool: { name: 'imprint', version: '0.1.0' },
  settings: { formats: ['pdf'] },
  articles,
});
const write = (name: string, value: unknown) =>
  writeFile(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
const read = async (): Promise<Manifest> => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ImprintError,
  );

describe('mergeManifestParts', () => {
  it('joins every part into manifest.json, sorted by slug, and removes the parts', async () => {
    await write('manifest.shard-1-of-2.json', manifest({ zebra: entry('zebra'), harbour: entry('harbour') }));
    await write('manifest.shard-2-of-2.json', manifest({ apple: entry('apple') }));
    await write('manifest.shard-notes.txt', 'left alone');
    expect(await mergeManifestParts(dir)).toEqual({
      parts: ['manifest.shard-1-of-2.json', 'manifest.shard-2-of-2.json'],
      articles: 3,
    });
    const merged = await read();
    expect(Object.keys(merged.articles)).toEqual(['apple', 'harbour', 'zebra']);
    expect(merged.articles.harbour).toEqual(entry('harbour'));
    expect(merged.tool).toEqual({ name: 'imprint', version: '0.1.0' });
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'manifest.shard-notes.txt']);
  });

  it('keeps what manifest.json already lists, and lets a part update it', async () => {
    await write('manifest.json', manifest({ old: entry('old'), harbour: entry('harbour', 'b'.repeat(64)) }));
    await write('manifest.shard-1-of-1.json', manifest({ harbour: entry('harbour') }));
    expect((await mergeManifestParts(dir)).articles).toBe(2);
    const merged = await read();
    expect(merged.articles.old).toEqual(entry('old'));
    expect(merged.articles.harbour).toEqual(entry('harbour'));
  });

  it('accepts the same article in two parts when they agree', async () => {
    await write('manifest.shard-1-of-2.json', manifest({ harbour: entry('harbour') }));
    await write('manifest.shard-2-of-2.json', manifest({ harbour: entry('harbour') }));
    expect((await mergeManifestParts(dir)).articles).toBe(1);
  });

  it('refuses two parts that disagree about an article, naming both, and writes nothing', async () => {
    await write('manifest.shard-1-of-2.json', manifest({ harbour: entry('harbour') }));
    await write('manifest.shard-2-of-2.json', manifest({ harbour: entry('harbour', 'c'.repeat(64)) }));
    const error = await refusal(mergeManifestParts(dir));
    expect(error).toBeInstanceOf(ImprintError);
    expect(error?.message).toBe(
      '"harbour" is in manifest.shard-1-of-2.json and manifest.shard-2-of-2.json with other sources or files',
    );
    expect(error?.location?.file).toBe(join(dir, 'manifest.shard-2-of-2.json'));
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['manifest.shard-1-of-2.json', 'manifest.shard-2-of-2.json']);
  });

  it('refuses a folder with no parts, and a part that is not a manifest', async () => {
    expect((await refusal(mergeManifestParts(dir)))?.message).toBe('no manifest parts to merge');
    expect((await refusal(mergeManifestParts(join(dir, 'missing'))))?.message).toBe('no manifest parts to merge');
    await write('manifest.shard-1-of-1.json', '{ not json');
    const error = await refusal(mergeManifestParts(dir));
    expect(error?.message).toBe('not a readable manifest part');
    expect(error?.location?.file).toBe(join(dir, 'manifest.shard-1-of-1.json'));
  });
});
