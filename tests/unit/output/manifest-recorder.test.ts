// The manifest recorder against a real folder: another build's write between two of ours is read, not
// overwritten from memory; an article being replaced leaves the manifest before its callback returns, and
// many such requests at once are all honoured; the download page follows the manifest by the end.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOptionsSchema } from '../../../src/config/options.js';
import { type BuiltArticle, type Manifest, readManifest, sha256, writeManifest } from '../../../src/output/manifest.js';
import { manifestRecorder } from '../../../src/output/manifest-recorder.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'imprint-recorder-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

const options = () => v.parse(buildOptionsSchema, { formats: ['pdf'], outDir: out });
const built = (slug: string): BuiltArticle => ({
  slug,
  sourcePath: `content/${slug}.md`,
  sourceSha256: sha256(Buffer.from(slug)),
  fingerprint: `inputs-${slug}`,
  summary: undefined,
  editions: [{ edition: 'pdf', path: join(out, slug, `${slug}.pdf`), bytes: 1, sha256: 'a'.repeat(64) }],
});
const listed = async () => Object.keys((await readManifest(out))?.articles ?? {});
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_300));

describe('manifestRecorder', () => {
  it('keeps an article that another build wrote between two of its own writes', async () => {
    const recorder = manifestRecorder(options());
    recorder.add(built('first'));
    await settle();
    expect(await listed()).toEqual(['first']);
    const theirs = (await readManifest(out))!;
    await writeManifest(out, {
      ...theirs,
      articles: { ...theirs.articles, other: { source: { path: 'o.md', sha256: 'b' }, editions: [] } },
    });
    recorder.add(built('second'));
    await recorder.finish();
    expect(await listed()).toEqual(['first', 'other', 'second']);
  });

  it('stops listing each article being replaced before its files change, twenty at once', async () => {
    const slugs = Array.from({ length: 20 }, (_, i) => `article-${String(i).padStart(2, '0')}`);
    const first = manifestRecorder(options());
    for (const slug of slugs) first.add(built(slug));
    await first.finish();
    const previous = (await readManifest(out)) as Manifest;
    const second = manifestRecorder(options(), {
      previous,
      downloadPage: { path: join(out, 'index.html'), render: (m) => [Object.keys(m.articles).join()] },
    });
    await Promise.all(
      slugs.map(async (slug) => {
        await second.beforeReplacing(slug)!();
        expect(await listed()).not.toContain(slug);
      }),
    );
    expect(second.beforeReplacing('never-listed')).toBeUndefined();
    for (const slug of slugs.slice(0, 5)) second.add(built(slug));
    await second.finish();
    expect(await listed()).toEqual(slugs.slice(0, 5));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(slugs.slice(0, 5).join());
  });

  it('never takes a forget that shared a failed write as done', async () => {
    const listing = manifestRecorder(options());
    for (const slug of ['a', 'b']) listing.add(built(slug));
    await listing.finish();
    const previous = (await readManifest(out))!;
    // Settings that cannot be written as JSON: every write of this recorder fails, as on a full disk.
    const unwritable = { ...options(), formats: [1n] } as unknown as ReturnType<typeof options>;
    const recorder = manifestRecorder(unwritable, { previous });
    const outcomes = await Promise.allSettled([recorder.beforeReplacing('a')!(), recorder.beforeReplacing('b')!()]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    await expect(recorder.finish()).rejects.toThrow();
    expect(await listed()).toEqual(['a', 'b']);
  });
});
