// A limit on any promise: Puppeteer's own limits do not cover every call, and a browser that stops
// answering must cost the build at most the article's --timeout, never Puppeteer's 180 s default.
import { TimeoutError } from 'puppeteer-core';

/** Resolves or rejects as `work` does, or rejects with a TimeoutError naming `what` (asked when it expires) after `ms`. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    const name = () => (typeof what === 'string' ? what : what());
    timer = setTimeout(() => reject(new TimeoutError(`${name()} did not finish within ${formatSeconds(ms)}`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Lets timers, I/O and signal handlers run: a chain of awaits that never waits on I/O runs as one block of
 * microtasks, and a SIGTERM would wait for all of it.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
