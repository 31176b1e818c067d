// What went wrong while rendering an article, in words a user can act on; and which failures deserve
// one more try (the browser's, not the input's or imprint's own).
import { ProtocolError, TimeoutError } from 'puppeteer-core';
import { ImprintError } from '../errors.js';

export function interrupted(): ImprintError {
  return new ImprintError('interrupted before it was written', undefined, 'Run the build again to finish it.');
}

/** Failures of the browser rather than of the input or of imprint: worth one more try. */
export function isBrowserFailure(error: unknown): boolean {
  if (error instanceof ProtocolError || error instanceof TimeoutError) return true;
  return (
    error instanceof Error &&
    /target closed|session closed|connection closed|browser has disconnected|frame was detached|detached frame|page crashed/i.test(
      error.message,
    )
  );
}

export function internalError(error: unknown): ImprintError {
  const message = error instanceof Error ? error.message : String(error);
  return new ImprintError(
    `internal error: ${message}`,
    undefined,
    'This is a bug in imprint, not in the article: please report it with the article attached.',
    { cause: error },
  );
}

export function explainRenderFailure(error: unknown, timeoutMs: number): ImprintError {
  if (error instanceof TimeoutError) {
    return new ImprintError(
      `Chromium did not finish within the ${timeoutMs / 1000} s limit, twice`,
      undefined,
      'Raise the limit with --timeout SECONDS, or look for a very large image or table.',
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImprintError(
    `rendering failed twice: ${message}`,
    undefined,
    'Chromium crashed or was stopped; run the build again, and report it if it keeps happening.',
    { cause: error },
  );
}
