// Hugo shortcodes: figure → an imprint figure, relref → the linked article's title, every other one left out.
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/article/markdown.js';
import { relrefTargets, titleFromPath } from '../../../src/article/shortcodes.js';

const html = (body: string, relrefTitles: Record<string, string> = {}) =>
  renderBody(body, 'en', (image) => image.src, false, { relrefTitles }).html;

describe('shortcodes', () => {
  it('turn {{< figure >}} into a figure with caption, credit and alt text', () => {
    const rendered = renderBody(
      '{{< figure src="p.jpg" caption="A harbour" attr="AP" alt="Boats at anchor" >}}',
      'en',
      (image) => `file:///a/${image.src}`,
    );
    expect(rendered.html).toBe(
      '<figure><img src="file:///a/p.jpg" alt="Boats at anchor" /><figcaption>A harbour <span class="credit" dir="auto">AP</span></figcaption>\n</figure>\n',
    );
    expect(rendered.images).toEqual([{ src: 'p.jpg', alt: 'Boats at anchor', bodyLine: 0, credit: 'AP' }]);
  });

  it('write a relref as the linked article’s title, or a title made from its path', () => {
    expect(html('See {{< relref "posts/harbour.md" >}}.', { 'posts/harbour.md': 'The Harbour Reopens' })).toBe(
      '<p>See The Harbour Reopens.</p>\n',
    );
    expect(html('See {{< relref "posts/2024-01-02-the-harbour-reopens.md" >}}.')).toBe(
      '<p>See the harbour reopens.</p>\n',
    );
  });

  it('keep only the text of a link to a relref: a site’s internal link means nothing on paper', () => {
    expect(html('Read [our report]({{< relref "report.md" >}}) first.')).toBe('<p>Read our report first.</p>\n');
  });

  it('leave other shortcodes out, block or inline, and keep what paired ones wrap', () => {
    expect(html('Before.\n\n{{< youtube abc123 >}}\n\nAfter.')).toBe('<p>Before.</p>\n<p>After.</p>\n');
    expect(html('Text {{% note %}}inner{{% /note %}} end.')).toBe('<p>Text inner end.</p>\n');
  });
});

describe('relrefTargets and titleFromPath', () => {
  it('lists the bare relrefs, not those that are a link’s destination', () => {
    expect(relrefTargets('A {{< relref "a.md" >}}, [b]({{< relref "b.md" >}}), {{% ref c/index.md %}}.')).toEqual([
      'a.md',
      'c/index.md',
    ]);
  });

  it('makes a readable title from a post’s path', () => {
    expect(titleFromPath('posts/2024-01-02-the-harbour-reopens.md')).toBe('the harbour reopens');
    expect(titleFromPath('news/ferry_strike/index.md')).toBe('ferry strike');
    expect(titleFromPath('section/_index.md')).toBe('section');
  });
});
