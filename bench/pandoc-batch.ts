// The peer for EPUB-only builds: Pandoc run once per article, as a newsroom's script would call it, on the
// same Markdown files (its own fenced divs read `::: figure`), each EPUB with the article's photo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: pandoc-batch <articles dir> <out dir>');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
  execFileSync('pandoc', [join(dir, name), '-t', 'epub3', '--resource-path', dir, '-o', join(out, `${name}.epub`)], {
    stdio: 'ignore',
  });
}
