// Batches: a browser that freezes mid-batch is noticed within the article's limit, reported and replaced;
// unchanged articles are not built again; progress and summaries say what happened.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imprint } from '../helpers/imprint.js';
import { marked, processesWithMarker } from '../helpers/processes.js';

const firstArticle = 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md';
/** Articles that each have their own photo, so one photo can change without touching the others. */
async function articlesWithPhotos(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-batch-'));
  await mkdir(join(dir, 'in', 'images'), { recursive: true });
  const source = await readFile(firstArticle, 'utf8');
  for (let i = 1; i <= count; i++) {
    await copyFile('tests/fixtures/rich/images/map.png', join(dir, 'in', 'images', `photo-${i}.png`));
    await writeFile(
      join(dir, 'in', `article-${i}.md`),
      source.replace('::: figure\n', `::: figure\n![A map of the region](images/photo-${i}.png)\n`),
    );
  }
  return dir;
}

describe('a browser that stops answering mid-batch', () => {
  it('is noticed within --timeout, the article is retried on a new browser with a message, and the batch finishes', async () => {
    const marker = `IMPRINT_TEST_${randomUUID().replaceAll('-', '')}`;
    const dir = await articlesWithPhotos(4);
    let frozen = 0;
    const run = await imprint(
      ['build', 'in', '--out', 'out', '--jobs', '1', '--timeout', '5', '--formats', 'pdf,epub'],
      dir,
      { [marker]: '1' },
      (stdout) => {
        if (frozen || !stdout.includes('wrote ')) return;
        // The browser's own process (not its renderers) is stopped: every call to it now hangs.
        const browser = processesWithMarker(marker).find((pid) => isChromiumBrowserProcess(pid));
        if (browser) {
          process.kill(browser, 'SIGSTOP');
          frozen = browser;
        }
      },
    );
    expect(frozen).toBeGreaterThan(0);
    expect(run.stderr).toMatch(
      /^retrying in\/article-\d\.md after: (rendering article-\d \(while [^)]+\)|opening a Chromium tab) did not finish within 5 s$/m,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^4 built, 0 unchanged\.$/m);
    const written = (await readdir(join(dir, 'out'), { recursive: true })).filter((name) => /\.(pdf|epub)$/.test(name));
    expect(written.length).toBe(8);
    expect(await marked(marker)).toEqual([]);
  });
});

function isChromiumBrowserProcess(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /\/(chromium|chrome)$/.test(argv[0] ?? '') && !argv.some((arg) => arg.startsWith('--type='));
  } catch {
    return false;
  }
}

describe('incremental builds', () => {
  const mtimes = async (dir: string) => {
    const files = (await readdir(join(dir, 'out'), { recursive: true }))
      .filter((name) => /\.(pdf|epub)$/.test(name))
      .sort();
    return Object.fromEntries(
      await Promise.all(files.map(async (name) => [name, (await stat(join(dir, 'out', name))).mtimeMs] as const)),
    );
  };
  const build = (dir: string, ...extra: string[]) =>
    imprint(['build', 'in', '--out', 'out', '--formats', 'pdf,epub', ...extra], dir);

  it('skips what is up to date, rebuilds what changed (source, photo, --page, a deleted file), and --force rebuilds all', async () => {
    const dir = await articlesWithPhotos(3);
    expect((await build(dir)).stdout).toMatch(/^3 built, 0 unchanged\.$/m);
    const before = await mtimes(dir);

    const again = await build(dir);
    expect(again.stdout).toMatch(/^0 built, 3 unchanged\.$/m);
    expect(again.stdout).not.toContain('wrote ');
    expect(await mtimes(dir)).toEqual(before);

    // An edited photo rebuilds its article only.
    await writeFile(
      join(dir, 'in', 'images', 'photo-2.png'),
      Buffer.concat([await readFile('tests/fixtures/rich/images/map.png'), Buffer.from('edited')]),
    );
    const photo = await build(dir);
    expect(photo.stdout).toMatch(/^1 built, 2 unchanged\.$/m);
    expect(photo.stdout).toContain('wrote out/article-2/article-2.pdf');
    const afterPhoto = await mtimes(dir);
    expect(afterPhoto['article-1/article-1.pdf']).toBe(before['article-1/article-1.pdf']);

    // An edited source rebuilds its article only.
    await writeFile(
      join(dir, 'in', 'article-3.md'),
      (await readFile(join(dir, 'in', 'article-3.md'), 'utf8')).replace(
        'The Kremlin confirmed',
        'The Kremlin has confirmed',
      ),
    );
    expect((await build(dir)).stdout).toMatch(/^1 built, 2 unchanged\.$/m);

    // A deleted edition rebuilds its article.
    await rm(join(dir, 'out', 'article-1', 'article-1.epub'));
    const deleted = await build(dir);
    expect(deleted.stdout).toMatch(/^1 built, 2 unchanged\.$/m);
    expect(deleted.stdout).toContain('wrote out/article-1/article-1.epub');

    // Other settings rebuild everything, and so does --force.
    expect((await build(dir, '--page', 'letter')).stdout).toMatch(/^3 built, 0 unchanged\.$/m);
    expect((await build(dir, '--page', 'letter')).stdout).toMatch(/^0 built, 3 unchanged\.$/m);
    expect((await build(dir, '--page', 'letter', '--force')).stdout).toMatch(/^3 built, 0 unchanged\.$/m);

    const verify = await imprint(['verify', 'out'], dir);
    expect(verify.code).toBe(0);
  });
});

describe('one tab printing article after article', () => {
  // A tab takes each page into the document it has loaded (src/render/reused-document.ts): nothing of
  // the articles before (their language, scripts, photos, running head, press page style) may show.
  it('prints each article exactly as a build of that article alone does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-reuse-'));
    // A Russian article first: its language, labels and hyphenation must not carry over.
    const russian = join(dir, 'russian.md');
    await writeFile(russian, (await readFile(firstArticle, 'utf8')).replace(/^lang: en$/m, 'lang: ru'));
    const articles = [
      russian,
      ...[
        firstArticle,
        'tests/fixtures/rich/convoy-leaves-the-corridor.md',
        'tests/fixtures/scripts/names-in-four-scripts.md',
      ].map((path) => join(process.cwd(), path)),
    ];
    const formats = ['--formats', 'pdf,epub,press'];
    const together = await imprint(['build', ...articles, '--out', 'together', '--jobs', '1', ...formats], dir);
    expect(together.stdout).toMatch(/^4 built, 0 unchanged\.$/m);
    for (const article of articles) {
      const alone = await imprint(['build', article, '--out', 'alone', ...formats], dir);
      expect(alone.code).toBe(0);
    }
    const files = (await readdir(join(dir, 'alone'), { recursive: true }))
      .filter((name) => /\.(pdf|epub)$/.test(name))
      .sort();
    expect(files.length).toBe(12);
    for (const name of files)
      expect(await readFile(join(dir, 'together', name)), name).toEqual(await readFile(join(dir, 'alone', name)));
  });
});
