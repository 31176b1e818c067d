// Faults: a browser that dies mid-batch, a build interrupted by Ctrl-C or SIGTERM, output that cannot be
// written. Nothing half-written is left, finished editions stay intact, and no browser process survives.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { launchBrowser } from '../../src/render/browser.js';
import { epubFiles } from '../helpers/epub.js';
import { cli } from '../helpers/imprint.js';
import { marked, withMarker } from '../helpers/processes.js';

const firstArticle = 'content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md';

async function folderOf(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-faults-'));
  await mkdir(join(dir, 'in'));
  for (let i = 1; i <= count; i++) await copyFile(firstArticle, join(dir, 'in', `article-${i}.md`));
  return dir;
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Each article's files, as the manifest lists them (absolute paths). */
async function listedInManifest(out: string): Promise<Record<string, string[]>> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    articles: Record<string, { editions: { path: string }[] }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.articles).map(([slug, entry]) => [
      slug,
      entry.editions.map((edition) => join(out, edition.path)),
    ]),
  );
}

/** Every file a build wrote but the manifest and the download page. */
async function editionFiles(out: string): Promise<string[]> {
  return (await allFiles(out))
    .filter((file) => ![join(out, 'manifest.json'), join(out, 'index.html')].includes(file))
    .sort();
}

describe('a browser that dies mid-batch', () => {
  it('retries the article on a fresh browser, builds the whole batch, and leaves no browser behind', async () => {
    await withMarker(async (marker) => {
      const dir = await folderOf(3);
      const browser = launchBrowser();
      let killed = false;
      const results = await build(
        [join(dir, 'in')],
        v.parse(buildOptionsSchema, { outDir: join(dir, 'out'), jobs: 1 }),
        {
          browser,
          onResult: () => {
            if (!killed) (async () => (await browser).process()?.kill('SIGKILL'))();
            killed = true;
          },
        },
      );
      expect(results.map((r) => (r.ok ? 'ok' : r.error.describe()))).toEqual(['ok', 'ok', 'ok']);
      const listed = await listedInManifest(join(dir, 'out'));
      expect(Object.keys(listed)).toHaveLength(3);
      expect(await editionFiles(join(dir, 'out'))).toEqual(Object.values(listed).flat().sort());
      expect(await marked(marker)).toEqual([]);
    });
  });
});

describe('a browser launched for the build, which closes it early', () => {
  it('is launched again for a retry after it was closed, and closed again', async () => {
    await withMarker(async (marker) => {
      const dir = await folderOf(1);
      const browser = launchBrowser();
      const results = await build([join(dir, 'in')], v.parse(buildOptionsSchema, { outDir: join(dir, 'out') }), {
        launched: browser,
        // The only article: its first try loses the browser, which is then released and closed.
        onStart: () => void (async () => (await browser).process()?.kill('SIGKILL'))(),
      });
      expect(results.map((r) => (r.ok ? 'ok' : r.error.describe()))).toEqual(['ok']);
      expect(Object.keys(await listedInManifest(join(dir, 'out')))).toHaveLength(1);
      expect(await marked(marker)).toEqual([]);
    });
  });
});

function runUntilFirstWrite(
  dir: string,
  signal: NodeJS.Signals,
  marker: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('node', [cli, 'build', 'in', '--out', 'out', '--jobs', '1'], {
      cwd: dir,
      env: { ...process.env, [marker]: '1' },
    });
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!sent && chunk.toString().includes('wrote ')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stderr }));
  });
}

describe('an interrupted build', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`stops on ${signal} with exit ${code}: finished editions intact, no temporary file, no browser left`, async () => {
      const marker = `IMPRINT_TEST_${randomUUID().replaceAll('-', '')}`;
      const dir = await folderOf(6);
      const run = await runUntilFirstWrite(dir, signal, marker);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code }); // stderr shown when it fails
      expect(run.stderr).toMatch(/^interrupted: \d built, 0 unchanged of 6 articles; the rest were not written\.$/m);
      const all = await allFiles(join(dir, 'out'));
      expect(all.filter((f) => f.includes('.tmp-'))).toEqual([]);
      // What the manifest lists is on disk, and nothing else is: an article is all there or not at all.
      const listed = await listedInManifest(join(dir, 'out'));
      const files = await editionFiles(join(dir, 'out'));
      expect(files).toEqual(Object.values(listed).flat().sort());
      expect(Object.keys(listed).length).toBeGreaterThanOrEqual(1);
      expect(Object.keys(listed).length).toBeLessThan(6);
      for (const file of files) {
        const bytes = await readFile(file);
        if (file.endsWith('.pdf')) expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
        else if (file.endsWith('.epub')) expect((await epubFiles(bytes)).has('OEBPS/content.opf')).toBe(true);
        else if (file.endsWith('.html')) expect(bytes.toString()).toMatch(/<\/html>\s*$/);
      }
      expect(await marked(marker)).toEqual([]);
    });
  }
});

describe('output that cannot be written', () => {
  it('says which file and what to do, and still builds the other articles', async () => {
    const dir = await folderOf(2);
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out', 'article-1'), 'a file where the article folder should be');
    const results = await build([join(dir, 'in')], v.parse(buildOptionsSchema, { outDir: join(dir, 'out') }));
    expect(results[0]).toMatchObject({ ok: false });
    const error = results[0]!.ok ? undefined : results[0]!.error;
    expect(error?.message).toMatch(/^cannot write .*out\/article-1\/article-1\.pdf: /);
    expect(error?.hint).toMatch(/writable and the disk has space/);
    expect(results[1]).toMatchObject({ ok: true });
  });
});
