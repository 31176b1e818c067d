// A real reading system: Calibre's ebook-convert reads the EPUB as an e-reader would and gives its text.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export async function calibreText(epubPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-calibre-'));
  try {
    const out = join(dir, 'book.txt');
    await promisify(execFile)('ebook-convert', [epubPath, out], {
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return await readFile(out, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
