// A Latin twin of a world-script article, for comparing what a script costs: the first article's words
// repeated to as many characters as the other's body, with the same photo and front matter fields.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { firstArticle } from './batch-fixture.js';

/** Writes the twin of `article` (a tests/fixtures/world article) under `work`; returns its path. */
export function latinTwin(article: string, work: string): string {
  const latin = readFileSync(firstArticle, 'utf8')
    .split(/^---$/m)
    .slice(2)
    .join('')
    .replace(/:::[\s\S]*?:::/g, '')
    .trim();
  const name = basename(article);
  const [, front = '', ...rest] = readFileSync(article, 'utf8').split(/^---$/m);
  const body = rest.join('---');
  const words = latin.repeat(Math.ceil(body.length / latin.length) + 1).slice(0, body.length);
  const dir = join(work, `latin-${name}`);
  mkdirSync(join(dir, 'images'), { recursive: true });
  copyFileSync(join(dirname(article), 'images/harbour.jpg'), join(dir, 'images/harbour.jpg'));
  const figure = /::: figure[\s\S]*?:::/.exec(body)?.[0] ?? '';
  writeFileSync(join(dir, name), `---${front.replace(/^lang: .*$/m, 'lang: en')}---\n\n${figure}\n\n${words}\n`);
  return join(dir, name);
}
