// What an article's editions are made from, as one SHA-256: its source, its images, the settings and house
// style (imprint.yaml, the theme's files) that shape it, and imprint itself (version, templates, fonts). The
// manifest keeps it, and an article whose fingerprint is unchanged and whose files still verify is not built
// again.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Article } from '../article/article.js';
import type { BuildOptions } from '../config/options.js';
import type { Edition } from '../edition.js';
import { fontPackages } from '../fonts/bundled.js';
import { isOutside, starterDir, templatesDir, toolVersion } from '../paths.js';

const require = createRequire(import.meta.url);

/** Everything a build shares: read once per build. */
export async function buildFingerprint(options: BuildOptions): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`imprint ${toolVersion}\n`);
  // The starter project (imprint init) is not a template any edition is made from.
  const templates = (await filesUnder(templatesDir)).filter((file) => isOutside(starterDir, file));
  for (const file of templates) hash.update(`${relative(templatesDir, file)}\n`).update(await readFile(file));
  for (const name of fontPackages)
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  const { html, page, style } = options;
  hash.update(
    JSON.stringify({
      html,
      page: page ?? null,
      style: style.fingerprint,
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
    }),
  );
  return hash.digest('hex');
}

/**
 * One article's fingerprint: the build's, its source bytes, each image's bytes, and the editions it gets. The
 * editions matter beyond which files are written: an EPUB built without a PDF edition has no page list, so
 * `epub` and `pdf,epub` give different EPUBs, and a rebuild with the other set makes the EPUB again.
 */
export async function articleFingerprint(
  article: Article,
  build: string,
  editions: readonly Edition[],
): Promise<string> {
  const hash = createHash('sha256').update(build).update(article.sourceBytes);
  for (const image of article.images)
    hash.update(`\n${relative(article.dir, image.path)}\n`).update(await readFile(image.path));
  return hash.update(`\n${editions.join(',')}`).digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
