// imprint verify: re-hash every file the manifest lists and report the missing and the changed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImprintError } from '../errors.js';
import { type ManifestArticle, type ManifestEdition, manifestName, readManifest, sha256 } from './manifest.js';

export interface VerifyProblem {
  path: string;
  problem: 'missing' | 'changed';
  detail: string;
}

export interface VerifyReport {
  checked: number;
  problems: VerifyProblem[];
}

export async function verifyOutput(outDir: string): Promise<VerifyReport> {
  const manifest = await readManifest(outDir);
  if (!manifest?.articles) {
    throw new ImprintError(
      `no readable ${manifestName}`,
      { file: join(outDir, manifestName) },
      'Run imprint build first, or point verify at the folder a build wrote (default output/).',
    );
  }
  const problems: VerifyProblem[] = [];
  let checked = 0;
  for (const article of Object.values(manifest.articles)) {
    for (const edition of article.editions) {
      checked++;
      const problem = await editionProblem(outDir, edition);
      if (problem) problems.push(problem);
    }
  }
  return { checked, problems };
}

/** What is wrong with one file the manifest lists: missing, or not the bytes it recorded; undefined when it matches. */
export async function editionProblem(outDir: string, edition: ManifestEdition): Promise<VerifyProblem | undefined> {
  const bytes = await readFile(join(outDir, edition.path)).catch(() => undefined);
  if (!bytes) return { path: edition.path, problem: 'missing', detail: 'listed in the manifest but not on disk' };
  const actual = sha256(bytes);
  if (actual === edition.sha256) return undefined;
  return {
    path: edition.path,
    problem: 'changed',
    detail: `sha256 ${actual}, manifest says ${edition.sha256} (${bytes.length} bytes, manifest says ${edition.bytes})`,
  };
}

/**
 * Whether a previous build already made exactly these editions from exactly these inputs, and its files
 * are still there, unaltered: then the article need not be built again.
 */
export async function isUpToDate(
  entry: ManifestArticle | undefined,
  fingerprint: string,
  editions: readonly string[],
  outDir: string,
): Promise<boolean> {
  if (!entry || entry.inputs !== fingerprint) return false;
  // The web edition is several files (its page and images), all listed as "html".
  if ([...new Set(entry.editions.map((e) => e.edition))].join(',') !== editions.join(',')) return false;
  for (const edition of entry.editions) if (await editionProblem(outDir, edition)) return false;
  return true;
}
