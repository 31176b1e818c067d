// Markdown → HTML: figures, captions, credits, typographer and escaping (no browser).

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/article/article.js';
import { loadArticle } from '../../src/article/load-article.js';
import { renderBody } from '../../src/article/markdown.js';
import { builtInStyle } from '../../src/config/house-style.js';
import { articleView, renderArticleFragment } from '../../src/editions/page/article-view.js';
import { ImprintError } from '../../src/errors.js';

const asWritten = (image: { src: string }) => image.src;
const render = (markdown: string, lang = 'en') => renderBody(markdown, lang, asWritten).html;

async function articleFrom(markdown: string, files: Record<string, string | Buffer> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-md-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  const path = join(dir, 'story.md');
  await writeFile(path, markdown);
  return prepareArticle(await loadArticle(path));
}

describe('figures', () => {
  it('renders image, caption and trailing credit as figure / figcaption / span.credit', () => {
    const html = render('::: figure\n![Tanks on a road](tanks.jpg)\nA convoy leaves. **Jane Doe / AP**\n:::\n');
    expect(html).toBe(
      '<figure><img src="tanks.jpg" alt="Tanks on a road" /><figcaption>A convoy leaves. <span class="credit" dir="auto">Jane Doe / AP</span></figcaption>\n</figure>\n',
    );
  });

  it('keeps caption and credit when the figure has no image (the first article)', () => {
    const html = render("::: figure\nA Russian peacekeepers' outpost. **Valery Sharifulin / TASS**\n:::\n");
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<figcaption>A Russian peacekeepers’ outpost. <span class="credit" dir="auto">Valery Sharifulin / TASS</span></figcaption>',
    );
  });

  it('leaves bold text inside a caption alone when it is not the trailing credit', () => {
    const html = render('::: figure\n![x](a.png)\nThe **old** bridge at dawn.\n:::\n');
    expect(html).toContain('<figcaption>The <strong>old</strong> bridge at dawn.</figcaption>');
    expect(html).not.toContain('class="credit"');
  });

  it('accepts the caption as a separate paragraph after the image', () => {
    const html = render('::: figure\n![x](a.png)\n\nCaption here. **Credit**\n:::\n');
    expect(html).toMatch(
      /<img src="a.png" alt="x" \/><figcaption>Caption here. <span class="credit" dir="auto">Credit<\/span><\/figcaption>/,
    );
  });

  it('refuses two images in one figure, naming the article line', async () => {
    const error = await articleFrom(
      '---\ntitle: T\ndate: 2024-01-01\npublication: P\n---\n\nIntro.\n\n::: figure\n![a](a.png) ![b](b.png)\n:::\n',
      { 'a.png': 'x', 'b.png': 'x' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImprintError);
    expect((error as ImprintError).message).toMatch(/at most one image/);
    expect((error as ImprintError).location?.line).toBe(9);
  });

  it('refuses a list inside a figure', () => {
    expect(() => render('::: figure\n- one\n- two\n:::\n')).toThrow(/one image and a caption, not a bullet_list/);
  });
});

describe('text', () => {
  it('applies typographic quotes, dashes and ellipses', () => {
    expect(render('"Yes," he said -- it\'s true...')).toBe('<p>“Yes,” he said – it’s true…</p>\n');
  });

  it('uses the article language for quotes', () => {
    expect(render('"Да"', 'ru')).toBe('<p>«Да»</p>\n');
    expect(render('"Ja"', 'de')).toBe('<p>„Ja“</p>\n');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = render('Hello <script>alert(1)</script> <b onclick="x">bold</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b ');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses javascript: links', () => {
    expect(render('[click](javascript:alert(1))')).not.toContain('href="javascript:');
  });
});

describe('article fragment', () => {
  it('escapes every metadata value and prints the credits after the body', async () => {
    const article = await articleFrom(
      '---\ntitle: Tom & Jerry <script>x</script>\ndate: 2024-04-17\npublication: "The <Times>"\nbyline: [Ann Lee, Bo Chan]\nsource: https://example.com/a?b=1&c=2\ncredits:\n  - AFP & Reuters contributed reporting.\n---\n\nBody text.\n',
    );
    const html = renderArticleFragment(articleView(article, builtInStyle));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Tom &amp; Jerry &lt;script&gt;x&lt;&#x2F;script&gt;');
    expect(html).toContain('The &lt;Times&gt;');
    expect(html).toContain('By Ann Lee and Bo Chan');
    expect(html).toContain('April 17, 2024');
    expect(html).toMatch(/<p class="reporting-credit">AFP &amp; Reuters contributed reporting.<\/p>/);
    expect(html).toContain('href="https:&#x2F;&#x2F;example.com&#x2F;a?b&#x3D;1&amp;c&#x3D;2"');
    expect(html.indexOf('Body text.')).toBeLessThan(html.indexOf('reporting-credit'));
  });

  it('derives the description from the first paragraph outside figures', async () => {
    const article = await articleFrom(
      '---\ntitle: T\ndate: 2024-01-01\npublication: P\n---\n\n::: figure\nCaption. **C**\n:::\n\nFirst *real* paragraph.\n\nSecond.\n',
    );
    expect(article.description).toBe('First real paragraph.');
    expect(article.authors).toEqual(['P']);
  });

  it('turns images into file:// URLs resolved against the article folder', async () => {
    const png = await readFile('tests/fixtures/rich/images/map.png');
    const article = await articleFrom(
      '---\ntitle: T\ndate: 2024-01-01\npublication: P\n---\n\n![A photo](photo.png)\n',
      { 'photo.png': png },
    );
    expect(article.bodyHtml).toMatch(/<img src="file:\/\/\/.*\/photo\.png" alt="A photo" \/>/);
    expect(article.images).toEqual([{ path: expect.stringMatching(/\/photo\.png$/), alt: 'A photo' }]);
  });
});
