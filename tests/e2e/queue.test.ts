// Past one machine: a producer and two workers on a real Redis (started here on a free loopback port), one
// worker killed outright mid-run. Every article is built once, the files verify and are byte-identical to a
// local build; a re-run enqueues nothing; a bad article fails once, named. Shards build apart and merge. A
// collection named with --queue is built by the producer after the queued articles.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cli, imprint, withoutLowResolution } from '../helpers/imprint.js';
import { killMarked, marked } from '../helpers/processes.js';

const count = 30;
let redis: ChildProcess;
let url: string;
let port: number;
let dir: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port: free } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return free;
}

async function redisAnswers(): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      done(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
  });
}

interface Manifest {
  articles: Record<string, { editions: { path: string; sha256: string }[] }>;
}
const manifestOf = async (out: string) => JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
const hashes = (manifest: Manifest) =>
  Object.fromEntries(
    Object.entries(manifest.articles).map(([slug, entry]) => [slug, entry.editions.map((edition) => edition.sha256)]),
  );

function worker(marker: string, out = 'shared'): ChildProcess & { output: () => string } {
  const child = spawn('node', [cli, 'worker', '--queue', url, '--out', out, '--jobs', '2'], {
    cwd: dir,
    env: { ...process.env, [marker]: '1' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

beforeAll(async () => {
  port = await freePort();
  url = `redis://127.0.0.1:${port}/0`;
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let tries = 0; !(await redisAnswers()); tries++) {
    if (tries > 100) throw new Error('redis-server did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
  dir = await mkdtemp(join(tmpdir(), 'imprint-queue-'));
  await mkdir(join(dir, 'in'));
  const first = await readFile('content/russian-peacekeepers-withdrawing-from-nagorno-karabakh.md', 'utf8');
  for (let i = 1; i <= count; i++)
    await writeFile(
      join(dir, 'in', `article-${String(i).padStart(2, '0')}.md`),
      first.replace(/^title: .*$/m, `title: Peacekeepers Withdraw, Part ${i}`),
    );
});

afterAll(() => {
  redis?.kill('SIGTERM');
});

describe('a queue build with two workers, one killed mid-run', () => {
  it('builds every article once, byte-identical to a local build, and a re-run enqueues nothing', async () => {
    expect((await imprint(['build', 'in', '--out', 'local', '--formats', 'pdf,epub'], dir)).code).toBe(0);

    const [steady, doomed] = [
      `IMPRINT_QUEUE_${randomUUID().replaceAll('-', '')}`,
      `IMPRINT_QUEUE_${randomUUID().replaceAll('-', '')}`,
    ];
    const workers = [worker(steady), worker(doomed)];
    onTestFinished(() => {
      for (const marker of [steady, doomed]) killMarked(marker, 'SIGKILL');
    });
    let killed = false;
    const run = await imprint(
      ['build', 'in', '--queue', url, '--out', 'shared', '--formats', 'pdf,epub'],
      dir,
      {},
      (stdout) => {
        // Once the run is well under way, the second worker's machine dies: the worker and its Chromium, at once.
        if (!killed && (stdout.match(/^wrote /gm) ?? []).length >= 6) {
          killed = true;
          killMarked(doomed, 'SIGKILL');
        }
      },
    );
    expect(killed).toBe(true);
    expect(withoutLowResolution(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${count} built, 0 unchanged.`);
    for (let i = 1; i <= count; i++)
      expect(
        run.stdout.split(
          `wrote shared/article-${String(i).padStart(2, '0')}/article-${String(i).padStart(2, '0')}.pdf `,
        ),
      ).toHaveLength(2);
    expect(workers[1]!.output()).toContain('worker: taking articles');

    const shared = await manifestOf(join(dir, 'shared'));
    expect(Object.keys(shared.articles)).toHaveLength(count);
    expect(hashes(shared)).toEqual(hashes(await manifestOf(join(dir, 'local'))));
    expect((await imprint(['verify', 'shared'], dir)).stdout).toContain(`all ${count * 2} files match the manifest.`);

    const queue = new Queue('imprint-articles', {
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
    });
    const before = await queue.getJobCounts();
    const again = await imprint(['build', 'in', '--queue', url, '--out', 'shared', '--formats', 'pdf,epub'], dir);
    expect(again.stdout).toContain(`0 built, ${count} unchanged.`);
    expect(await queue.getJobCounts()).toEqual(before);

    // A bad article is refused once, with its file and line, before anything is enqueued.
    await writeFile(join(dir, 'in', 'bad.md'), '---\ntitle: Bad\ndate: 2024-02-30\npublication: P\n---\n\nText.\n');
    const bad = await imprint(['build', 'in', '--queue', url, '--out', 'shared', '--formats', 'pdf,epub'], dir);
    expect(bad.code).toBe(1);
    expect(
      bad.stderr.match(/^error: in\/bad\.md:3:1: front matter field "date": date is not a real calendar date$/gm),
    ).toHaveLength(1);
    expect(await queue.getJobCounts()).toEqual(before);
    await queue.close();

    workers[0]!.kill('SIGTERM');
    expect(await new Promise((done) => workers[0]!.on('exit', done))).toBe(0);
    expect(workers[0]!.output()).toContain('worker: stopped.');
    expect(await marked(steady)).toEqual([]);
    expect(await marked(doomed)).toEqual([]);
  }, 240_000);
});

describe('shards', () => {
  it('build their parts apart, merge into one manifest that verifies, and a conflicting part is refused', async () => {
    await rm(join(dir, 'in', 'bad.md'), { force: true });
    const parts = await Promise.all(
      [1, 2].map((shard) =>
        imprint(['build', 'in', '--out', 'sharded', '--formats', 'pdf', '--shard', `${shard}/2`], dir),
      ),
    );
    const built = parts.map((part) => Number(/^(\d+) built/m.exec(part.stdout)?.[1]));
    expect(built.every((n) => n > 0)).toBe(true);
    expect(built[0]! + built[1]!).toBe(count);
    const merge = await imprint(['manifest', 'merge', 'sharded'], dir);
    expect(merge.stdout).toContain(`merged 2 parts into sharded/manifest.json: ${count} articles.`);
    expect((await imprint(['verify', 'sharded'], dir)).stdout).toContain(`all ${count} files match the manifest.`);

    const manifest = await manifestOf(join(dir, 'sharded'));
    const [slug, entry] = Object.entries(manifest.articles)[0]!;
    const part = {
      ...manifest,
      articles: {
        [slug]: { ...entry, editions: entry.editions.map((edition) => ({ ...edition, sha256: '0'.repeat(64) })) },
      },
    };
    await writeFile(join(dir, 'sharded', 'manifest.shard-1-of-2.json'), JSON.stringify(part));
    await writeFile(
      join(dir, 'sharded', 'manifest.shard-2-of-2.json'),
      JSON.stringify({ ...manifest, articles: { [slug]: entry } }),
    );
    const conflict = await imprint(['manifest', 'merge', 'sharded'], dir);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(
      `"${slug}" is in manifest.shard-1-of-2.json and manifest.shard-2-of-2.json with other sources or files`,
    );
  }, 120_000);

  it('build each collection in one shard only', async () => {
    const issues = ['issue-a', 'issue-b', 'issue-c'];
    for (const [i, issue] of issues.entries())
      await writeFile(
        join(dir, `${issue}.yaml`),
        `collection:\n  title: Issue ${i}\n  date: 2024-04-2${i}\n  publication: P\n  articles:\n    - in/article-01.md\n    - in/article-02.md\n`,
      );
    const files = issues.map((issue) => `${issue}.yaml`);
    const parts = await Promise.all(
      [1, 2].map((shard) =>
        imprint(['build', ...files, '--out', 'sharded-issues', '--formats', 'pdf', '--shard', `${shard}/2`], dir),
      ),
    );
    for (const part of parts) expect(part.code).toBe(0);
    const wrote = parts.map((part) =>
      [...part.stdout.matchAll(/^wrote sharded-issues\/(issue-\w)\/\1\.pdf /gm)].map((m) => m[1]),
    );
    expect(wrote.flat().sort()).toEqual(issues);
    const merge = await imprint(['manifest', 'merge', 'sharded-issues'], dir);
    // A shard that drew no collection writes no part.
    expect(merge.stdout).toMatch(/^merged [12] parts? into sharded-issues\/manifest\.json: 3 articles\.$/m);
  }, 120_000);
});

describe('a collection in a queue build', () => {
  it('is built here once the workers have built the queued articles, not counted and skipped', async () => {
    await rm(join(dir, 'in', 'bad.md'), { force: true });
    await writeFile(
      join(dir, 'issue.yaml'),
      'collection:\n  title: Issue\n  date: 2024-04-20\n  publication: P\n  articles:\n    - in/article-01.md\n    - in/article-02.md\n',
    );
    const marker = `IMPRINT_QUEUE_${randomUUID().replaceAll('-', '')}`;
    const taker = worker(marker, 'issue-out');
    onTestFinished(() => killMarked(marker, 'SIGKILL'));
    const run = await imprint(
      [
        'build',
        'in/article-01.md',
        'in/article-02.md',
        'issue.yaml',
        '--queue',
        url,
        '--out',
        'issue-out',
        '--formats',
        'pdf,epub',
      ],
      dir,
    );
    expect(withoutLowResolution(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 built, 0 unchanged.');
    // The articles came from the worker, the collection from the producer, after them.
    expect(taker.output()).toContain('article-01');
    expect(run.stdout.indexOf('wrote issue-out/issue/issue.pdf ')).toBeGreaterThan(
      run.stdout.lastIndexOf('wrote issue-out/article-0'),
    );
    expect(Object.keys((await manifestOf(join(dir, 'issue-out'))).articles).sort()).toEqual([
      'article-01',
      'article-02',
      'issue',
    ]);
    expect((await imprint(['verify', 'issue-out'], dir)).stdout).toContain('all 6 files match the manifest.');
    taker.kill('SIGTERM');
    expect(await new Promise((done) => taker.on('exit', done))).toBe(0);
  }, 120_000);
});
