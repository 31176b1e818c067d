// Debian's Ghostscript: finding it and its bundled ICC profiles, and running pdfwrite with a time limit.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
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

async function runGhostscript(args: readonly string[], { timeoutMs, sourceDate }: { timeoutMs: number; sourceDate: Date }): Promise<void> {
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

export interface Conversion {
  /** The PDF to convert. */
  input: Uint8Array;
  /** PostScript run before it: output intent, DOCINFO. */
  definitions: string;
  /** pdfwrite's settings for the standard (-dPDFA=2, -dPDFX, colour conversion, --permit-file-read=…). */
  args: readonly string[];
  /** Scratch files are named `<workDir>/<name>.*`. */
  workDir: string;
  name: string;
  timeoutMs: number;
  sourceDate: Date;
}

/** One pdfwrite conversion through scratch files, as Ghostscript needs them. */
export async function convertWithGhostscript({ input, definitions, args, workDir, name, timeoutMs, sourceDate }: Conversion): Promise<Uint8Array> {
  const base = join(workDir, name);
  await writeFile(`${base}.in.pdf`, input);
  await writeFile(`${base}.def.ps`, definitions);
  await runGhostscript(['-sDEVICE=pdfwrite', ...args, `-sOutputFile=${base}.out.pdf`, `${base}.def.ps`, `${base}.in.pdf`], { timeoutMs, sourceDate });
  return readFile(`${base}.out.pdf`);
}

/** Text for a PostScript (string): backslashes and parentheses escaped. */
export function postScriptString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}
