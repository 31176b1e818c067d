// The imprint command as a user runs it: exit codes, the lines it prints, what it writes and what it leaves alone.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, type Run, withoutLowResolution } from '../helpers/imprint.js';

const firstArticle = resolve('content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md');
const slug = 'russian-peacekeepers-withdrawing-from-nagorno-karabakh';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) hash.update(file).update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

/** What a default build writes for the first article: four editions, the web page with its thumbnails, the manifest and the download page. */
const everyEdition = [
  'index.html',
  'manifest.json',
  ...[
    'cover.jpg',
    'index.html',
    'page-1.jpg',
    `${slug}.archival.pdf`,
    `${slug}.epub`,
    `${slug}.pdf`,
    `${slug}.press.pdf`,
  ].map((name) => `${slug}/${name}`),
];

describe('a folder of good articles', () => {
  let work: string;
  let run: Run;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'imprint-cli-'));
    await mkdir(join(work, 'content'));
    await copyFile(firstArticle, join(work, 'content', `${slug}.md`));
    run = await imprint(['build', 'content', '--out', 'out'], work);
  });

  it('exits 0 and prints one line per file written, with pages and size', () => {
    expect(withoutLowResolution(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^wrote out/${slug}/${slug}\\.pdf  \\(\\d+ pages?, [\\d.]+ kB\\)$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^wrote out/${slug}/${slug}\\.epub  \\([\\d.]+ kB\\)$`, 'm'));
    expect(run.stdout).toMatch(
      new RegExp(`^wrote out/${slug}/${slug}\\.archival\\.pdf  \\(\\d+ pages?, [\\d.]+ kB\\)$`, 'm'),
    );
    expect(run.stdout).toMatch(/^1 built, 0 unchanged\.$/m);
  });

  it('writes OUT/<slug>/<slug>.<ext> for every edition, and the manifest', async () => {
    expect(await listFiles(join(work, 'out'))).toEqual(everyEdition);
  });

  it('builds only the editions an article allows in its front matter', async () => {
    const source = await readFile(join(work, 'content', `${slug}.md`), 'utf8');
    await mkdir(join(work, 'print-only'));
    await writeFile(
      join(work, 'print-only', 'story.md'),
      source.replace('lang: en\n', 'lang: en\neditions: [pdf, archival]\n'),
    );
    const run = await imprint(['build', 'print-only', '--out', 'print-only-out', '--formats', 'pdf,epub'], work);
    expect(run.code).toBe(0);
    expect(await listFiles(join(work, 'print-only-out'))).toEqual(['manifest.json', 'story/story.pdf']);
  });

  it('builds only the editions asked for', async () => {
    const epubOnly = await imprint(['build', 'content', '--out', 'epub-only', '--formats', 'epub'], work);
    expect(epubOnly.code).toBe(0);
    expect(await listFiles(join(work, 'epub-only'))).toEqual(['manifest.json', `${slug}/${slug}.epub`]);
  });
});

describe('a folder with bad articles among good ones', () => {
  let work: string;
  let run: Run;
  let sourceHash: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'imprint-cli-bad-'));
    const content = join(work, 'content');
    await mkdir(content);
    await copyFile(firstArticle, join(content, `${slug}.md`));
    await writeFile(
      join(content, 'misspelt.md'),
      '---\ntitle: A\ndate: 2024-04-17\npublication: P\nsubtitel: oops\n---\n\nBody.\n',
    );
    await writeFile(
      join(content, 'missing-photo.md'),
      '---\ntitle: B\ndate: 2024-04-17\npublication: P\n---\n\nIntro.\n\n::: figure\n![A bridge](images/bridge.jpg)\nThe bridge. **Ann Lee**\n:::\n',
    );
    await writeFile(
      join(content, 'zz-copy.md'),
      `---\ntitle: C\ndate: 2024-04-17\npublication: P\nslug: ${slug}\n---\n\nBody.\n`,
    );
    sourceHash = await hashTree(content);
    run = await imprint(['build', 'content', '--out', 'out'], work);
  });

  it('exits 1, naming each bad file with its line and what to do', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: content/misspelt.md:5:1: unknown front matter field "subtitel"');
    expect(run.stderr).toContain('Did you mean "subtitle"?');
    expect(run.stderr).toContain('error: content/missing-photo.md:10: image "images/bridge.jpg" not found');
    expect(run.stderr).toContain(`error: content/zz-copy.md: slug "${slug}" is already used by content/${slug}.md`);
    expect(run.stderr).toMatch(/^1 built, 0 unchanged, 3 failed\.$/m);
  });

  it('still builds the good article, and writes nothing for the bad ones', async () => {
    expect(await listFiles(join(work, 'out'))).toEqual(everyEdition);
  });

  it('never touches the source folder', async () => {
    expect(await hashTree(join(work, 'content'))).toBe(sourceHash);
  });
});

describe('imprint init', () => {
  it('refuses a folder that has any of its files, and writes nothing there', async () => {
    const work = await mkdtemp(join(tmpdir(), 'imprint-cli-init-'));
    expect((await imprint(['init', 'site'], work)).code).toBe(0);
    await writeFile(join(work, 'site', 'content', 'harbour-reopens.md'), 'my own article\n');
    const before = await hashTree(join(work, 'site'));
    const again = await imprint(['init', 'site'], work);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "error: site/content/harbour-reopens.md: already exists (and 5 more of the starter's files); imprint init never overwrites a file",
    );
    expect(await hashTree(join(work, 'site'))).toBe(before);
  });
});

describe('usage errors', () => {
  it('rejects an unknown edition with exit 2', async () => {
    const run = await imprint(['build', 'content', '--formats', 'pdf,mobi'], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--formats takes a comma-separated list of: pdf, epub');
  });

  it('rejects a bad --jobs with exit 2', async () => {
    const run = await imprint(['build', '--jobs', '0'], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs takes a number from 1 to 16');
  });

  it('rejects an unknown page size with exit 2', async () => {
    const run = await imprint(['build', '--page', 'a5'], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'imprint: page must be a4, letter, or a trim size such as "6in x 9in" or "148mm x 210mm"',
    );
  });

  it('reports a path that does not exist with exit 1', async () => {
    const work = await mkdtemp(join(tmpdir(), 'imprint-cli-none-'));
    const run = await imprint(['build', 'nowhere'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: nowhere: no such file or folder');
    expect(await listFiles(work)).toEqual([]);
  });
});
