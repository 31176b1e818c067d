// The project's cache of processed photos (.imprint-cache/images/<key>/): a photo is processed once for a
// given content and recipe, across builds. A folder is written under a temporary name and renamed when
// complete, so a crash or a parallel build never leaves a half-made entry that looks whole.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bumped when a copy would come out different for the same photo and recipe. */
const pipelineVersion = 'imprint-images-3';

export function cacheKey(bytes: Uint8Array, recipe: object): string {
  return createHash('sha256')
    .update(pipelineVersion)
    .update(JSON.stringify(recipe))
    .update(bytes)
    .digest('hex')
    .slice(0, 32);
}

/** The entry's description (what was made, and the files' names), or undefined when it is not cached. */
export async function readCached<T>(cacheDir: string, key: string): Promise<T | undefined> {
  const text = await readFile(join(cacheDir, key, 'photo.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // an entry from an older imprint, or damaged: made again
  }
}

export async function writeCached(
  cacheDir: string,
  key: string,
  files: { name: string; bytes: Uint8Array }[],
  description: object,
): Promise<void> {
  const temporary = join(cacheDir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}`);
  await mkdir(temporary, { recursive: true });
  try {
    for (const file of files) await writeFile(join(temporary, file.name), file.bytes);
    await writeFile(join(temporary, 'photo.json'), JSON.stringify(description, null, 1));
    await rename(temporary, join(cacheDir, key)).catch(async (error: NodeJS.ErrnoException) => {
      // Another build made the same entry meanwhile: the same bytes, so theirs is as good as ours.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

export function cachedPath(cacheDir: string, key: string, name: string): string {
  return join(cacheDir, key, name);
}
