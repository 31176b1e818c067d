// imprint verify: re-hash every file the manifest lists and report the missing and the changed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImprintError } from '../errors.js';
import { manifestName, readManifest, sha256 } from './manifest.js';

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
    throw new ImprintError(`no readable ${manifestName}`, { file: join(outDir, manifestName) }, 'Run imprint build first, or point verify at the folder a build wrote (default output/).');
  }
  const problems: VerifyProblem[] = [];
  let checked = 0;
  for (const article of Object.values(manifest.articles)) {
    for (const edition of article.editions) {
      checked++;
      const bytes = await readFile(join(outDir, edition.path)).catch(() => undefined);
      if (!bytes) {
        problems.push({ path: edition.path, problem: 'missing', detail: 'listed in the manifest but not on disk' });
        continue;
      }
      const actual = sha256(bytes);
      if (actual !== edition.sha256) {
        problems.push({ path: edition.path, problem: 'changed', detail: `sha256 ${actual}, manifest says ${edition.sha256} (${bytes.length} bytes, manifest says ${edition.bytes})` });
      }
    }
  }
  return { checked, problems };
}
