// Where the package's own files live, whether running from src/ (tests), dist/src/ (the library) or dist/cli/ (the command).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`imprint: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const templatesDir = join(packageRoot, 'templates');

export const toolVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** The starter project `imprint init` copies. */
export const starterDir = join(templatesDir, 'starter');

/** Whether `path` lies outside `dir`: the one test behind every folder boundary (images, themes, the server). */
export function isOutside(dir: string, path: string): boolean {
  const inside = relative(dir, path);
  return inside.startsWith('..') || isAbsolute(inside);
}
