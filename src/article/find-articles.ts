// Paths on the command line → the Markdown files to build: files as given; folders searched all the way down,
// as site generators lay out content (Hugo page bundles: <slug>/index.md beside its images; Jekyll's _posts).
// Left out of a folder, each with a note: section lists (Hugo's _index.md), drafts folders, hidden and
// dependency folders, a repository's READMEs, and files with neither front matter nor a first-line title heading.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ImprintError } from '../errors.js';
import { firstHeading } from './first-heading.js';

const markdownExtensions = new Set(['.md', '.markdown', '.mdx']);
/** A repository's own notes, never articles, whatever their first line. */
const repositoryNotes = /^(readme|changelog|contributing|license|licence|code_of_conduct|security)$/i;
/** Folders that hold no articles to publish: drafts, and what tools keep beside content. */
const skippedFolders = new Set(['_drafts', 'drafts', '_site', 'node_modules']);

export interface FoundArticles {
  files: string[];
  /** What was left out of the folders searched, and why. */
  notes: string[];
}

export async function findArticles(paths: readonly string[]): Promise<FoundArticles> {
  const files: string[] = [];
  const notes: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info)
      throw new ImprintError(
        'no such file or folder',
        { file: path },
        'Give a Markdown file or a folder of them (default: content/).',
      );
    if (info.isDirectory()) {
      await searchFolder(path, files, notes);
    } else if (markdownExtensions.has(extname(path))) {
      files.push(path);
    } else {
      throw new ImprintError('not a Markdown file', { file: path }, 'Articles are .md files with YAML front matter.');
    }
  }
  if (files.length === 0)
    throw new ImprintError(
      `no Markdown articles found in ${paths.join(', ')}`,
      undefined,
      'Add a content/<slug>.md file.',
    );
  return { files: [...new Set(files)], notes };
}

async function searchFolder(dir: string, files: string[], notes: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (skippedFolders.has(entry.name)) notes.push(`${path}: left out (a folder of drafts or tools, not articles)`);
      else await searchFolder(path, files, notes);
    } else if (entry.isFile() && markdownExtensions.has(extname(entry.name))) {
      if (basename(entry.name, extname(entry.name)) === '_index')
        notes.push(`${path}: left out (a section list page, not an article)`);
      else if (repositoryNotes.test(basename(entry.name, extname(entry.name))))
        notes.push(`${path}: left out (a repository's notes, not an article)`);
      else if (!(await looksLikeArticle(path)))
        notes.push(`${path}: left out (no front matter and no title heading, so not an article)`);
      else files.push(path);
    }
  }
}

/** Front matter, or (as MkDocs and GitHub read a page) a first block that is a level-1 heading. */
async function looksLikeArticle(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /^(---|\+\+\+|;;;)/.test(start) || firstHeading(start) !== undefined;
  } finally {
    await file.close();
  }
}
