// SIGTERM stops a build within 2 s whatever it is doing, even on a 1.5 MB article of one unbroken word (which
// on main spent minutes in one synchronous stage and ignored the signal): no stage blocks the event loop for
// long, and a build that cannot finish cleanly in time exits anyway, leaving no temporary file or browser.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/imprint.js';
import { marked } from '../helpers/processes.js';

const word = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('');

/** Sends SIGTERM `afterMs` into the build; how long it took to exit after that, and its exit code. */
function stopAfter(
  dir: string,
  afterMs: number,
  marker: string,
): Promise<{ code: number | null; exitMs: number; stderr: string; finishedFirst: boolean }> {
  return new Promise((done) => {
    const child = spawn('node', [cli, 'build', 'heavy.md', '--out', 'out'], {
      cwd: dir,
      env: { ...process.env, [marker]: '1' },
    });
    let stderr = '';
    let sent = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      sent = performance.now();
      child.kill('SIGTERM');
    }, afterMs);
    // Killed by the signal itself before the CLI set its handlers (still loading): the shell's 143 all the same.
    // On a fast machine the build may finish before the last moment comes: then there was nothing to stop.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({
        code: signal === 'SIGTERM' ? 143 : code,
        exitMs: performance.now() - sent,
        stderr,
        finishedFirst: sent === 0,
      });
    });
  });
}

describe('SIGTERM during a heavy build', () => {
  it('stops it within 2 s at any moment, with no temporary file and no browser left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-stop-'));
    await writeFile(
      join(dir, 'heavy.md'),
      `---\ntitle: Heavy\ndate: 2024-04-17\npublication: Test\nlang: en\n---\n\nBefore.\n\n${word(1_500_000)}\n\nAfter.\n`,
    );
    // Loading and checking, the browser's layout, and the PDFs' finishing (press imposition, EPUB page list).
    for (const afterMs of [
      4_000,
      9_000 + Math.floor(Math.random() * 6_000),
      16_000 + Math.floor(Math.random() * 8_000),
    ]) {
      const marker = `IMPRINT_TEST_${randomUUID().replaceAll('-', '')}`;
      const run = await stopAfter(dir, afterMs, marker);
      const context = `SIGTERM after ${afterMs} ms:\n${run.stderr}`;
      if (run.finishedFirst) {
        expect(run.code, context).toBe(0);
        expect(afterMs, 'only the last moment may come after the build is done').toBeGreaterThan(16_000);
      } else {
        expect(run.code, context).toBe(143);
        expect(run.exitMs, context).toBeLessThan(2_000);
      }
      expect(await marked(marker, 10_000), context).toEqual([]);
      const left = await readdir(join(dir, 'out'), { recursive: true }).catch(() => []);
      expect(
        left.filter((name) => name.includes('.tmp-')),
        context,
      ).toEqual([]);
    }
  }, 300_000);
});
