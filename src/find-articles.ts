// Paths on the command line → the Markdown files to build: files as given, folders' top-level *.md.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ImprintError } from './errors.js';

const markdownExtensions = new Set(['.md', '.markdown']);

export async function findArticles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new ImprintError('no such file or folder', { file: path }, 'Give a Markdown file or a folder of them (default: content/).');
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      found.push(...entries.filter((e) => e.isFile() && markdownExtensions.has(extname(e.name))).map((e) => join(path, e.name)).sort());
    } else if (markdownExtensions.has(extname(path))) {
      found.push(path);
    } else {
      throw new ImprintError('not a Markdown file', { file: path }, 'Articles are .md files with YAML front matter.');
    }
  }
  if (found.length === 0) throw new ImprintError(`no Markdown articles found in ${paths.join(', ')}`, undefined, 'Add a content/<slug>.md file.');
  return [...new Set(found)];
}
