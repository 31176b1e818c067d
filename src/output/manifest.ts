// output/manifest.json: what was built from what, with SHA-256 of every file, so an archive can be audited
// years later (imprint verify). Paths are relative to the output folder; no timestamps, so it is reproducible.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Article } from '../article/article.js';
import type { BuildOptions } from '../config/options.js';
import { toolVersion } from '../paths.js';
import { writeAtomicParts } from './write-atomic.js';

export const manifestName = 'manifest.json';

export interface ManifestEdition {
  edition: string;
  path: string;
  bytes: number;
  pages?: number;
  sha256: string;
}

/** What the download page shows of an article, kept so that a build of some articles lists them all. */
export interface ArticleSummary {
  title: string;
  date: string;
  byline: string[];
  description: string;
  publication: string;
  lang: string;
  /** Photos downloaded from the web (images.fetch), by URL, with the SHA-256 of the bytes every edition used. */
  remotePhotos?: { url: string; sha256: string }[];
}

/**
 * What the manifest keeps of an article, as strings of its own: a title read from the front matter is a slice
 * of the whole source, and V8 keeps all of a string alive for a slice of it (5 kB per article held by the
 * manifest and the results, 50 MB for 10,000 articles, more for long ones). structuredClone copies them.
 */
export function articleSummary(article: Article): ArticleSummary {
  const { meta } = article;
  return structuredClone({
    title: meta.title,
    date: meta.date,
    byline: meta.byline,
    description: article.description,
    publication: meta.publication,
    lang: meta.lang,
    ...(article.remoteImages.length > 0 && { remotePhotos: article.remoteImages }),
  });
}

export interface ManifestArticle {
  source: { path: string; sha256: string };
  article?: ArticleSummary;
  /** A collection's articles, by slug, in reading order, and their titles (in the same order). */
  collection?: { articles: string[]; titles?: string[] };
  /** The article's fingerprint (output/fingerprint.ts): unchanged inputs, same editions. */
  inputs?: string;
  editions: ManifestEdition[];
}

export interface Manifest {
  tool: { name: 'imprint'; version: string };
  settings: Record<string, unknown>;
  articles: Record<string, ManifestArticle>;
}

export interface CollectionMember {
  slug: string;
  title: string;
}

export interface BuiltArticle {
  slug: string;
  sourcePath: string;
  sourceSha256: string;
  fingerprint: string;
  summary: ArticleSummary | undefined;
  editions: { edition: string; path: string; bytes: number; pages?: number; sha256: string }[];
  /** For a collection: its articles, in reading order. */
  members?: CollectionMember[] | undefined;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readManifest(outDir: string, name = manifestName): Promise<Manifest | undefined> {
  const path = join(outDir, name);
  try {
    const before = await fileIdentity(path);
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    if ((await fileIdentity(path).catch(() => '')) === before) identityWhenRead.set(manifest, before);
    return manifest;
  } catch {
    return undefined;
  }
}

/**
 * Which file a path names, and its state (inode, size, modification time): every write of a manifest (renamed
 * into place) changes it, so a manifest known by this is known to be unchanged on disk.
 */
export async function fileIdentity(path: string): Promise<string> {
  // In nanoseconds, and the change time too: a freed inode can be reused by a later write of the same size.
  const { ino, size, mtimeNs, ctimeNs } = await stat(path, { bigint: true });
  return `${ino}:${size}:${mtimeNs}:${ctimeNs}`;
}

/** The identity of the file each manifest was read from, when it did not change while being read. */
export const identityWhenRead = new WeakMap<Manifest, string>();

/** Adds this build's articles to what the manifest already lists (a partial build keeps the others). */
export function mergeManifest(
  previous: Manifest | undefined,
  built: readonly BuiltArticle[],
  outDir: string,
  options: BuildOptions,
): Manifest {
  const articles: Record<string, ManifestArticle> = { ...(previous?.articles ?? {}) };
  for (const article of built) {
    articles[article.slug] = {
      source: { path: article.sourcePath, sha256: article.sourceSha256 },
      ...(article.summary && { article: article.summary }),
      ...(article.members && {
        collection: {
          articles: article.members.map(({ slug }) => slug),
          titles: article.members.map(({ title }) => title),
        },
      }),
      inputs: article.fingerprint,
      editions: article.editions.map(
        ({ asset: _, ...edition }: BuiltArticle['editions'][number] & { asset?: boolean }) => ({
          ...edition,
          path: relative(outDir, edition.path),
        }),
      ),
    };
  }
  const sorted = Object.fromEntries(Object.entries(articles).sort(([a], [b]) => (a < b ? -1 : 1)));
  const { formats, page, html, strict } = options;
  const settings = {
    formats,
    page: page ?? 'per article (default a4)',
    html,
    strict,
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
  };
  return { tool: { name: 'imprint', version: toolVersion }, settings, articles: sorted };
}

/** What shard I of N calls its part of the manifest. */
export function shardManifestName({ index, count }: { index: number; count: number }): string {
  return `manifest.shard-${index}-of-${count}.json`;
}

export async function writeManifest(outDir: string, manifest: Manifest, name = manifestName): Promise<string> {
  const path = join(outDir, name);
  await writeAtomicParts(path, manifestText(manifest));
  return path;
}

/**
 * The manifest as `JSON.stringify(manifest, null, 2)` and a newline would write it (the same bytes), one
 * article at a time, so that a manifest of thousands is never one string.
 */
export function* manifestText({ articles, ...rest }: Manifest): Generator<string> {
  const head = JSON.stringify({ ...rest, articles: {} }, null, 2);
  const entries = Object.entries(articles);
  if (entries.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, -'{}\n}'.length)}{\n`;
  for (const [index, [slug, entry]] of entries.entries()) {
    const text = JSON.stringify(entry, null, 2).replaceAll('\n', '\n    ');
    yield `    ${JSON.stringify(slug)}: ${text}${index < entries.length - 1 ? ',' : ''}\n`;
  }
  yield '  }\n}\n';
}
