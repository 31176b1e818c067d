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
  out: string,
  afterMs: number,
  marker: string,
): Promise<{ code: number | null; exitMs: number; stderr: string; finishedFirst: boolean }> {
  return new Promise((done) => {
    const child = spawn('node', [cli, 'build', 'heavy.md', '--out', out], {
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
    // The moments are fractions of how long this machine takes for the whole build (measured first, unstopped):
    // loading and checking, the browser's layout, and the PDFs' finishing (press imposition, EPUB page list).
    const started = performance.now();
    const full = await stopAfter(dir, 'out-full', 3_600_000, 'IMPRINT_TEST_FULL');
    const fullMs = performance.now() - started;
    expect(full.code, full.stderr).toBe(0);
    const moments = [0.1, 0.3 + Math.random() * 0.3, 0.65 + Math.random() * 0.3].map((f) => Math.round(f * fullMs));
    for (const [i, afterMs] of moments.entries()) {
      const marker = `IMPRINT_TEST_${randomUUID().replaceAll('-', '')}`;
      const out = `out-${i}`;
      const run = await stopAfter(dir, out, afterMs, marker);
      const context = `SIGTERM after ${afterMs} ms of a ${Math.round(fullMs)} ms build:\n${run.stderr}`;
      if (run.finishedFirst) {
        expect(run.code, context).toBe(0);
        expect(i, 'only the last moment may come after the build is done').toBe(moments.length - 1);
      } else {
        expect(run.code, context).toBe(143);
        expect(run.exitMs, context).toBeLessThan(2_000);
      }
      expect(await marked(marker, 10_000), context).toEqual([]);
      const left = await readdir(join(dir, out), { recursive: true }).catch(() => []);
      expect(
        left.filter((name) => name.includes('.tmp-')),
        context,
      ).toEqual([]);
    }
  }, 300_000);
});
