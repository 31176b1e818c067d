// imprint manifest merge: the parts that sharded builds wrote (manifest.shard-I-of-N.json) joined into
// manifest.json, with what it already lists. Two parts may not disagree about an article: the same slug from
// different sources or with other files is a conflict, refused with both named, and nothing is written.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ImprintError } from '../errors.js';
import { type Manifest, type ManifestArticle, manifestName, readManifest, writeManifest } from './manifest.js';

const partName = /^manifest\.shard-\d+-of-\d+\.json$/;

export async function mergeManifestParts(dir: string): Promise<{ parts: string[]; articles: number }> {
  const parts = (await readdir(dir).catch(() => [] as string[])).filter((name) => partName.test(name)).sort();
  if (parts.length === 0)
    throw new ImprintError(
      'no manifest parts to merge',
      { file: dir },
      'Build with --shard I/N into this folder first; each shard writes manifest.shard-I-of-N.json.',
    );
  const merged: Manifest | undefined = await readManifest(dir);
  const articles: Record<string, ManifestArticle> = { ...(merged?.articles ?? {}) };
  const from: Record<string, string> = Object.fromEntries(Object.keys(articles).map((slug) => [slug, manifestName]));
  let base = merged;
  for (const part of parts) {
    const manifest = await readManifest(dir, part);
    if (!manifest?.articles) throw new ImprintError('not a readable manifest part', { file: join(dir, part) });
    base ??= manifest;
    for (const [slug, entry] of Object.entries(manifest.articles)) {
      const known = articles[slug];
      if (known && from[slug] !== manifestName && JSON.stringify(known) !== JSON.stringify(entry)) {
        throw new ImprintError(
          `"${slug}" is in ${from[slug]} and ${part} with other sources or files`,
          { file: join(dir, part) },
          'Each article belongs to one shard: build every shard with the same N and the same articles.',
        );
      }
      articles[slug] = entry;
      from[slug] = part;
    }
  }
  const sorted = Object.fromEntries(Object.entries(articles).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeManifest(dir, { ...base!, articles: sorted });
  await Promise.all(parts.map((part) => rm(join(dir, part))));
  return { parts, articles: Object.keys(sorted).length };
}
