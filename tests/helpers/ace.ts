// DAISY Ace, the accessibility checker publishers and stores use for EPUB, run as a user runs it
// (ace-puppeteer, driving Debian's Chromium); returns its violations and the metadata it found.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface AceResult {
  outcome: string;
  violations: string[];
  conformsTo: string[];
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: {
    assertions?: {
      'earl:test': { 'dct:title': string; 'earl:impact': string };
      'earl:result': { 'dct:description': string };
    }[];
  }[];
  'earl:testSubject': { metadata: unknown };
}

export async function ace(epub: string): Promise<AceResult> {
  const out = await mkdtemp(join(tmpdir(), 'imprint-ace-'));
  await promisify(execFile)(
    resolve('node_modules/.bin/ace-puppeteer'),
    ['--silent', '--outdir', out, '--force', epub],
    {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.IMPRINT_CHROMIUM ?? '/usr/bin/chromium' },
      timeout: 120_000,
    },
  );
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AceReport;
  const violations = report.assertions
    .flatMap((a) => a.assertions ?? [])
    .map(
      (t) =>
        `${t['earl:test']['dct:title']} (${t['earl:test']['earl:impact']}): ${t['earl:result']['dct:description']}`,
    );
  const metadata = report['earl:testSubject'].metadata as Record<string, string | string[] | undefined>;
  const claimed = metadata['dcterms:conformsTo'];
  const conformsTo = claimed === undefined ? [] : ([] as string[]).concat(claimed);
  return { outcome: report['earl:result']['earl:outcome'], violations, conformsTo };
}
