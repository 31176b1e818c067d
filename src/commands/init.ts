// imprint init: a new project that builds as it is (imprint.yaml, an example article with a photo and
// credits, a theme with commented stylesheets), copied from templates/starter/. Never overwrites a file.
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { ImprintError } from '../errors.js';
import { starterDir } from '../paths.js';

/** Copies the starter project into `dir`; returns the files written. */
export async function initProject(dir: string): Promise<string[]> {
  const entries = await readdir(starterDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(starterDir, join(entry.parentPath, entry.name)))
    .sort();
  // Every file is checked before any is written: a refused init leaves the folder as it was.
  const existing = files.map((file) => join(dir, file)).filter((target) => existsSync(target));
  if (existing.length > 0) {
    throw new ImprintError(
      `already exists${existing.length > 1 ? ` (and ${existing.length - 1} more of the starter's files)` : ''}; imprint init never overwrites a file`,
      { file: existing[0]! },
      'Run imprint init in an empty or new folder.',
    );
  }
  const written: string[] = [];
  for (const file of files) {
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(starterDir, file), target, constants.COPYFILE_EXCL);
    written.push(target);
  }
  return written;
}
