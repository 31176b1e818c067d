// The imprint command as a user runs it (the compiled CLI, in a folder of their choosing).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The command users run: bin/imprint's script, the CLI bundled by npm run compile (scripts/bundle-cli.mjs). */
export const cli = resolve('dist/cli/cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `imprint ARGS` in `cwd`; `onStdout` sees the output so far as it grows. */
export function imprint(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  onStdout?: (text: string) => void,
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn('node', [cli, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * stderr without the low-resolution warnings of the fixtures' photos: they are 480-pixel thumbnails (small, so
 * the repository stays small), which print at 96 ppi and are rightly warned of.
 */
export function withoutLowResolution(stderr: string): string {
  return stderr.replace(/^warning: \S+ {2}low-resolution {2}.*\n/gm, '');
}
