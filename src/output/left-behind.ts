// Temporary files and folders that must not outlive the process: removed synchronously when it exits, also
// when a second Ctrl-C or the stop deadline (cli.ts) ends it before the build could clean up after itself.
import { rmSync } from 'node:fs';

const pending = new Set<string>();
let hooked = false;

/** Removes `path` when the process exits; the returned function forgets it (once removed by other means). */
export function removeOnExit(path: string): () => void {
  pending.add(path);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const left of pending) rmSync(left, { recursive: true, force: true });
    });
  }
  return () => pending.delete(path);
}
