// The day a file was last committed, for an article that gives its date nowhere else: the same on every
// checkout of the same history (a file's modification time is not), so builds stay reproducible.
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';

/** YYYY-MM-DD of the file's last commit (in the committer's own zone), or undefined outside git or if never committed. */
export function lastCommitDate(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['log', '-1', '--format=%cI', '--', basename(path)],
      { cwd: dirname(path), timeout: 10_000 },
      (error, stdout) => {
        const date = /^(\d{4}-\d{2}-\d{2})T/.exec(stdout.trim())?.[1];
        resolve(error ? undefined : date);
      },
    );
  });
}
