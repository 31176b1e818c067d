// Debian's Ghostscript: finding it and its bundled ICC profiles, and running pdfwrite with a time limit.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImprintError } from '../errors.js';

const ghostscriptShare = '/usr/share/ghostscript';

/** An ICC profile that ships with Ghostscript (srgb.icc, ps_cmyk.icc, …). */
export function ghostscriptIccProfile(name: string): string {
  const versions = existsSync(ghostscriptShare) ? readdirSync(ghostscriptShare).sort().reverse() : [];
  for (const version of versions) {
    const path = join(ghostscriptShare, version, 'iccprofiles', name);
    if (existsSync(path)) return path;
  }
  throw new ImprintError(`Ghostscript's ICC profile ${name} not found under ${ghostscriptShare}`, undefined, 'Run "npm run setup" (installs Debian\'s ghostscript).');
}

export async function runGhostscript(args: readonly string[], { timeoutMs, sourceDate }: { timeoutMs: number; sourceDate: Date }): Promise<void> {
  try {
    await promisify(execFile)('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', ...args], {
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
      // Ghostscript dates the file and its XMP from SOURCE_DATE_EPOCH when set.
      env: { ...process.env, SOURCE_DATE_EPOCH: String(Math.floor(sourceDate.getTime() / 1000)) },
    });
  } catch (error) {
    const failure = error as { code?: string | number; stderr?: string; killed?: boolean };
    if (failure.code === 'ENOENT') throw new ImprintError('Ghostscript (gs) not found', undefined, 'Run "npm run setup" (installs Debian\'s ghostscript).');
    if (failure.killed) throw new ImprintError(`Ghostscript did not finish within ${timeoutMs / 1000} s`, undefined, 'Raise the limit with --timeout SECONDS.');
    throw new ImprintError(`Ghostscript failed: ${(failure.stderr ?? String(error)).trim().split('\n').slice(-3).join(' ')}`, undefined, 'Report this with the article attached.');
  }
}
