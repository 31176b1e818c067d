// CommonJS packages that only some articles need (qrcode for a video block, sanitize-html for raw HTML or an
// SVG), loaded the first time one is used: a cold build of a plain article does not pay for loading them
// (~0.1 s of CPU each, on the critical path while Chromium starts on the other core).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
