// What an e-reader gets: the files inside the EPUB, and EPUBCheck's verdict on it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';

export async function epubFiles(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files.set(name, await entry.async('string'));
  }
  return files;
}

export interface EpubCheckMessage {
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  ID: string;
  message: string;
}

/** Runs Debian's EPUBCheck (the jar: /usr/bin/epubcheck is a broken link on Debian 12). */
export async function epubcheck(path: string): Promise<EpubCheckMessage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-epubcheck-'));
  const reportPath = join(dir, 'report.json');
  try {
    // EPUBCheck exits 1 when it finds errors; the JSON report is written either way.
    await promisify(execFile)('java', ['-jar', '/usr/share/java/epubcheck.jar', path, '--json', reportPath]).catch(
      () => undefined,
    );
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as { messages: EpubCheckMessage[] };
    return report.messages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An XHTML or XML file from the EPUB as a DOM, so tests query elements and read decoded text. */
export function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

/** One file from the EPUB as bytes (for images and fonts). */
export async function epubEntry(bytes: Uint8Array, name: string): Promise<Uint8Array | undefined> {
  return (await JSZip.loadAsync(bytes)).file(name)?.async('uint8array');
}
