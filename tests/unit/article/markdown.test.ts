// Markdown body → HTML: CommonMark with typographer quotes by language, raw HTML escaped, images resolved.
import { describe, expect, it } from 'vitest';
import { parseBody, renderBody } from '../../../src/article/markdown.js';

const url = (image: { src: string }) => `file:///articles/${image.src}`;
const html = (body: string, lang = 'en') => renderBody(body, lang, url).html;

describe('renderBody', () => {
  it('sets quotes, dashes and ellipses as the language writes them', () => {
    expect(html('He said "yes" -- and \'no\'...')).toBe('<p>He said “yes” – and ‘no’…</p>\n');
    expect(html('Er sagte "Hallo" und \'gut\'.', 'de')).toBe('<p>Er sagte „Hallo“ und ‚gut‘.</p>\n');
    expect(html('Il a dit "bonjour".', 'fr-CA')).toBe('<p>Il a dit «\u00A0bonjour\u00A0».</p>\n');
    expect(html('Он сказал "да".', 'ru')).toBe('<p>Он сказал «да».</p>\n');
    expect(html('She said "yes".', 'sv')).toBe('<p>She said “yes”.</p>\n'); // English quotes for the rest
  });

  it('escapes raw HTML by default, so a script is text', () => {
    expect(html('<script>alert(1)</script>\n\nText <b onclick="x()">bold</b>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Text &lt;b onclick=“x()”&gt;bold&lt;/b&gt;</p>\n',
    );
  });

  it('renders tables and strikethrough, which CommonMark alone lacks', () => {
    expect(html('| a | b |\n|---|--:|\n| 1 | 2 |')).toContain('<td style="text-align:right">2</td>');
    expect(html('~~gone~~')).toBe('<p><s>gone</s></p>\n');
  });

  it('resolves every image through imageUrl before rendering and lists it with its line and alt text', () => {
    const rendered = renderBody('Intro.\n\n![A ferry ](ferry.jpg)\n\nMore ![](map.png) here.', 'en', url);
    expect(rendered.images).toEqual([
      { src: 'ferry.jpg', alt: 'A ferry', bodyLine: 2 },
      { src: 'map.png', alt: '', bodyLine: 4 },
    ]);
    expect(rendered.html).toContain('<img src="file:///articles/ferry.jpg" alt="A ferry " />');
    expect(rendered.html).not.toMatch(/src="(ferry|map)/);
  });

  it('takes the first paragraph outside figures as the fallback description', () => {
    const body =
      '::: figure\n![A ferry](ferry.jpg)\nThe ferry **AP**\n:::\n\nThe first *real*\nparagraph.\n\nThe second.';
    expect(renderBody(body, 'en', url).firstParagraph).toBe('The first real paragraph.');
    expect(renderBody('## Only a heading', 'en', url).firstParagraph).toBe('');
  });

  it('gives block tokens their 0-based body line', () => {
    const tokens = parseBody('First.\n\n## Heading\n\nThird.', 'en');
    expect(tokens.filter((t) => t.nesting === 1).map((t) => [t.type, t.map?.[0]])).toEqual([
      ['paragraph_open', 0],
      ['heading_open', 2],
      ['paragraph_open', 4],
    ]);
  });
});

describe('renderBody with raw HTML on', () => {
  const resolve = (image: { src: string }) => {
    if (/^https?:/.test(image.src)) throw new Error('remote');
    return url(image);
  };
  const raw = (body: string) => renderBody(body, 'en', resolve, true);

  it('resolves and lists raw <img> files, and drops remote images and scripts', () => {
    const rendered = raw(
      '<p onclick="x()">Hi <img src="a.jpg" alt=" A "> <img src="https://tracker.example/p.gif"></p>\n\n<script>alert(1)</script>',
    );
    expect(rendered.images).toEqual([{ src: 'a.jpg', alt: 'A', bodyLine: 0 }]);
    expect(rendered.html).toContain('<img src="file:///articles/a.jpg" alt=" A " />');
    expect(rendered.html).not.toMatch(/tracker|script|onclick/);
  });

  it('turns a raw figure caption’s trailing bold into its credit, as ::: figure does', () => {
    const rendered = raw(
      '<figure><img src="b.jpg" alt="B"><figcaption>The quay <strong>Reuters</strong></figcaption></figure>',
    );
    expect(rendered.html).toContain('<figcaption>The quay <span class="credit" dir="auto">Reuters</span></figcaption>');
  });
});
