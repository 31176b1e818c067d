// npm run compile, second step: the command (dist/src/cli.js, as tsc wrote it) bundled with the packages it
// loads into dist/cli/ (rolldown), which bin/imprint runs. A cold `imprint build` used to spend ~0.4 s of its
// main thread finding, reading and linking ~1,500 module files (puppeteer-core, pdf-lib, yaml, micromark…)
// while Chromium started on the other core: one article to PDF + EPUB took 2.76 s, bundled 2.39 s (medians of
// 9, alternated). What the command imports only when it needs it (an edition's code, the queue, init) stays a
// chunk of its own, loaded as late as before. The library (dist/src/index.js) is left as tsc wrote it.
import { rm } from 'node:fs/promises';
import { build } from 'rolldown';

const outDir = new URL('../dist/cli/', import.meta.url).pathname;

/**
 * Left to Node's own resolution, loaded from node_modules as before: packages with native code (sharp), with
 * WebAssembly or data files they find beside their own files (harfbuzzjs, wawoff2, subset-font, hyphen's
 * patterns, css-tree's syntax data for a theme's CSS), and the queue's (bullmq reads its package.json and
 * starts child processes by path; msgpackr is native). Bundled, their paths would point into dist/cli/.
 */
const external = [
  /^sharp(\/|$)/,
  /^@img\//,
  /^harfbuzzjs(\/|$)/,
  /^wawoff2(\/|$)/,
  /^subset-font(\/|$)/,
  /^hyphen(\/|$)/,
  /^css-tree(\/|$)/,
  /^bullmq(\/|$)/,
  /^ioredis(\/|$)/,
  /^msgpackr(\/|$)/,
];

await rm(outDir, { recursive: true, force: true });
await build({
  input: new URL('../dist/src/cli.js', import.meta.url).pathname,
  platform: 'node',
  external,
  logLevel: 'warn',
  output: { dir: outDir, format: 'esm', codeSplitting: true, minify: false },
});
