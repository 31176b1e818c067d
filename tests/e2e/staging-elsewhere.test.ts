// When the system's temporary folder is on another file system than the output (TMPDIR on a tmpfs, the
// output on a disk), a file is staged beside its final name: a process that exits mid-write leaves no
// temporary file there, and a later write removes what a killed build left beside its files.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const writeAtomicModule = pathToFileURL(resolve('dist/src/output/write-atomic.js')).href;
const otherFileSystem = '/dev/shm';

/** Runs `script` (an ES module body, writeAtomic and writeAtomicParts imported) with TMPDIR on the tmpfs. */
async function inChild(script: string): Promise<{ code: number | null; stdout: string }> {
  const stagingRoot = mkdtempSync(join(otherFileSystem, 'imprint-staging-test-'));
  const source = `import { writeAtomic, writeAtomicParts } from '${writeAtomicModule}';\n${script}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    env: { ...process.env, TMPDIR: stagingRoot },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    return { code, stdout };
  } finally {
    // The tmpfs is memory: nothing of the test stays there.
    rmSync(stagingRoot, { recursive: true, force: true });
  }
}

function outputFolder(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'imprint-staging-out-')), 'article');
  mkdirSync(out);
  expect(statSync(out).dev, 'the output and /dev/shm must be on different file systems').not.toBe(
    statSync(otherFileSystem).dev,
  );
  return out;
}

describe('staging on another file system', () => {
  it('leaves no temporary file beside the output when the process exits mid-write', async () => {
    const out = outputFolder();
    // The parts' generator lists the folder once the first 256 kB are written, then ends the process there.
    const { code, stdout } = await inChild(`
      import { readdirSync } from 'node:fs';
      function* parts() {
        yield 'x'.repeat(300 * 1024);
        yield '';
        console.log(JSON.stringify(readdirSync(${JSON.stringify(out)})));
        process.exit(3);
      }
      await writeAtomicParts(${JSON.stringify(join(out, 'page.html'))}, parts());
    `);
    expect(code).toBe(3);
    // Staged beside the file while it was written…
    expect(JSON.parse(stdout)).toEqual([expect.stringMatching(/^page\.html\.tmp-\d+-[0-9a-f]{8}$/)]);
    // …and gone with the process.
    expect(readdirSync(out)).toEqual([]);
  });

  it("removes a killed build's temporary files beside the output, and keeps a running build's", async () => {
    const out = outputFolder();
    const { stdout: deadPid } = await promisify(execFile)(process.execPath, ['-e', 'console.log(process.pid)']);
    const dead = `article.pdf.tmp-${deadPid.trim()}-0badf00d`;
    const running = `article.epub.tmp-${process.pid}-0badf00d`;
    writeFileSync(join(out, dead), 'half a PDF');
    writeFileSync(join(out, running), 'half an EPUB');
    const { code } = await inChild(
      `await writeAtomic(${JSON.stringify(join(out, 'article.pdf'))}, new TextEncoder().encode('%PDF-1.7'));`,
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([running, 'article.pdf']);
  });
});
