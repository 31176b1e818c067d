// manifest.json as a build records it: articles merged with the previous ones, sorted, paths relative; shard part names.
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildOptionsSchema } from '../../../src/config/options.js';
import {
  type BuiltArticle,
  type Manifest,
  manifestText,
  mergeManifest,
  sha256,
  shardManifestName,
} from '../../../src/output/manifest.js';

const options = v.parse(buildOptionsSchema, { formats: ['pdf', 'epub'] });
const out = join('/tmp', 'imprint-out');
const built = (slug: string, members?: BuiltArticle['members']): BuiltArticle => ({
  slug,
  sourcePath: `content/${slug}.md`,
  sourceSha256: sha256(Buffer.from(slug)),
  fingerprint: `print-${slug}`,
  summary: undefined,
  editions: [{ edition: 'pdf', path: join(out, `${slug}.pdf`), bytes: 10, pages: 1, sha256: 'f'.repeat(64) }],
  ...(members && { members }),
});

describe('mergeManifest', () => {
  it('records each built article with paths relative to the output folder, sorted by slug, keeping earlier ones', () => {
    const previous: Manifest = {
      tool: { name: 'imprint', version: '0.0.1' },
      settings: {},
      articles: { middle: { source: { path: 'm.md', sha256: 'x' }, editions: [] } },
    };
    const manifest = mergeManifest(previous, [built('zulu'), built('alpha')], out, options);
    expect(Object.keys(manifest.articles)).toEqual(['alpha', 'middle', 'zulu']);
    expect(manifest.articles.alpha).toEqual({
      source: { path: 'content/alpha.md', sha256: sha256(Buffer.from('alpha')) },
      inputs: 'print-alpha',
      editions: [{ edition: 'pdf', path: 'alpha.pdf', bytes: 10, pages: 1, sha256: 'f'.repeat(64) }],
    });
    expect(manifest.settings).toMatchObject({
      formats: ['pdf', 'epub'],
      page: 'per article (default a4)',
      html: false,
      strict: false,
    });
    expect(manifest.tool.name).toBe('imprint');
  });

  it('lists a collection’s articles and their titles in reading order', () => {
    const manifest = mergeManifest(
      undefined,
      [
        built('week', [
          { slug: 'b', title: 'B' },
          { slug: 'a', title: 'A' },
        ]),
      ],
      out,
      options,
    );
    expect(manifest.articles.week?.collection).toEqual({ articles: ['b', 'a'], titles: ['B', 'A'] });
  });
});

describe('shardManifestName', () => {
  it('names shard I of N’s part as imprint manifest merge looks for it', () => {
    expect(shardManifestName({ index: 2, count: 4 })).toBe('manifest.shard-2-of-4.json');
    expect(shardManifestName({ index: 2, count: 4 })).toMatch(/^manifest\.shard-\d+-of-\d+\.json$/);
  });
});

describe('sha256', () => {
  it('is the hex SHA-256 of the bytes', () => {
    expect(sha256(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('manifestText', () => {
  it('writes the same bytes as JSON.stringify with two spaces, one article at a time', () => {
    const tool = { name: 'imprint', version: '1.0.0' } as const;
    const empty: Manifest = { tool, settings: { formats: ['pdf'] }, articles: {} };
    const full = mergeManifest(
      empty,
      [built('b\u2028"quoted"'), built('a'), built('c', [{ slug: 'a', title: 'A' }])],
      out,
      options,
    );
    for (const manifest of [empty, full]) {
      const parts = [...manifestText(manifest)];
      expect(parts.join('')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
      expect(parts.length).toBe(
        Object.keys(manifest.articles).length === 0 ? 1 : Object.keys(manifest.articles).length + 2,
      );
    }
  });
});
