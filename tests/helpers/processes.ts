// Which processes a test started, found by a marker in their environment (Chromium inherits it).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export function processesWithMarker(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) found.push(Number(entry));
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

/** Waits up to `ms` for the marked processes to be gone; returns the ones still there. */
export async function marked(marker: string, ms = 5000): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = processesWithMarker(marker);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesWithMarker(marker);
  }
  return left;
}

/** Sends `signal` to the marked processes; one that ended between the listing and the signal is no error. */
export function killMarked(marker: string, signal: NodeJS.Signals): void {
  for (const pid of processesWithMarker(marker)) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/**
 * Runs `use` with a fresh marker in this process's environment, so that every process started meanwhile
 * (Chromium) carries it; the marker is gone again afterwards.
 */
export async function withMarker<T>(use: (marker: string) => Promise<T>): Promise<T> {
  const marker = `IMPRINT_TEST_${randomUUID().replaceAll('-', '')}`;
  process.env[marker] = '1';
  try {
    return await use(marker);
  } finally {
    delete process.env[marker];
  }
}
