// A full disk (ENOSPC, injected at the write): the article fails with a message that says so, its old files
// and the manifest stay as they were, and the folder verifies as before; the other articles still build.
import { mkdir, mkdtemp, readFile, writeFile as realWriteFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { verifyOutput } from '../../src/output/verify.js';

const fault = vi.hoisted(() => ({ fullFor: undefined as RegExp | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof real.writeFile = (file, ...rest) => {
    if (fault.fullFor?.test(String(file)))
      return Promise.reject(
        Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC' }),
      );
    return real.writeFile(file, ...rest);
  };
  return { ...real, writeFile, default: { ...real, writeFile } };
});

const article = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-04-17\npublication: The Test Times\nlang: en\n---\n\nThe talks continued on Wednesday, officials said.\n`;

describe('a full disk at the write', () => {
  it('fails the article with a clear message and leaves the folder as valid as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-full-disk-'));
    await mkdir(join(dir, 'in'));
    await realWriteFile(join(dir, 'in', 'first.md'), article('First'));
    await realWriteFile(join(dir, 'in', 'second.md'), article('Second'));
    const out = join(dir, 'out');
    const options = v.parse(buildOptionsSchema, { outDir: out, formats: ['pdf', 'epub', 'html'], jobs: 1 });
    expect((await build([join(dir, 'in')], options)).map((r) => r.ok)).toEqual([true, true]);
    const manifestBefore = await readFile(join(out, 'manifest.json'), 'utf8');
    const pdfBefore = await readFile(join(out, 'first', 'first.pdf'));

    // The first article changes, and its EPUB (written after its PDF) finds the disk full.
    await realWriteFile(join(dir, 'in', 'first.md'), article('First, revised'));
    fault.fullFor = /first\.epub\.tmp-/;
    try {
      const results = await build([join(dir, 'in')], options);
      const failed = results[0]!;
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.error.message).toMatch(
          /^cannot write .*first\/first\.epub: the disk is full \(ENOSPC\); nothing of this article was changed$/,
        );
        expect(failed.error.hint).toMatch(/Free some space/);
      }
      expect(results[1]).toMatchObject({ ok: true, status: 'unchanged' });
    } finally {
      fault.fullFor = undefined;
    }
    // Its old PDF was not replaced by the new one, the manifest still lists the old files, and they verify.
    expect(await readFile(join(out, 'first', 'first.pdf'))).toEqual(pdfBefore);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect((await verifyOutput(out)).problems).toEqual([]);
  });
});
