// The batch floor the bench compares imprint with, run as its own process: one Chromium, two reused tabs,
// each article's print HTML loaded + page.pdf(), plus an epub-gen-memory EPUB per article (no cover, no
// sandbox, no post-processing). What any Puppeteer publisher pays at least for the same articles. With
// `epub` alone it starts no browser: the EPUBs only, what epub-gen-memory pays at least.
// The page is loaded from a file:// URL rather than with setContent, which cannot load the local photo and
// fonts: the floor renders the same page, with its photo and fonts, as imprint does.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EPub } from 'epub-gen-memory';
import puppeteer, { type Page } from 'puppeteer-core';
import { prepareArticle } from '../src/article/article.js';
import { loadArticle } from '../src/article/load-article.js';
import { builtInStyle } from '../src/config/house-style.js';
import { articleView, renderArticleFragment } from '../src/editions/page/article-view.js';
import { renderPrintHtml } from '../src/editions/page/print-html.js';
import { chromiumPath } from '../src/render/browser.js';

const [dir, out, formats = 'pdf,epub'] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: batch-floor <articles dir> <out dir> [pdf|pdf,epub|epub]');
const printing = formats.includes('pdf');
const outDir = out;
mkdirSync(outDir, { recursive: true });
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(dir, name));
const browser = printing
  ? await puppeteer.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] })
  : undefined;
const tabs = browser ? await Promise.all([browser.newPage(), browser.newPage()]) : [undefined, undefined];

async function publish(page: Page | undefined, file: string): Promise<void> {
  const article = await prepareArticle(await loadArticle(file));
  const view = articleView(article, builtInStyle);
  const slug = article.slug;
  if (page) {
    const htmlPath = join(outDir, `${slug}.html`);
    writeFileSync(htmlPath, renderPrintHtml(view, 'a4', { justified: false }).html);
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    writeFileSync(join(outDir, `${slug}.pdf`), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }
  if (!formats.includes('epub')) return;
  const epub = new EPub(
    {
      title: article.meta.title,
      author: article.authors,
      publisher: article.meta.publication,
      description: article.description,
      verbose: false,
    },
    [{ title: article.meta.title, content: renderArticleFragment(view) }],
  );
  writeFileSync(join(outDir, `${slug}.epub`), await epub.genEpub());
}

let next = 0;
await Promise.all(
  tabs.map(async (page) => {
    while (next < files.length) await publish(page, files[next++]!);
  }),
);
await browser?.close();
