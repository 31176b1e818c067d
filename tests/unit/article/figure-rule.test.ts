// `::: figure` and Kramdown's captioned image → <figure> with <figcaption> and a credit span; malformed figures refused.
import { describe, expect, it } from 'vitest';
import { BodyError } from '../../../src/article/body-error.js';
import { renderBody } from '../../../src/article/markdown.js';

const render = (body: string) => renderBody(body, 'en', (image) => `file:///a/${image.src}`);
function refusal(body: string): BodyError {
  try {
    render(body);
  } catch (error) {
    expect(error).toBeInstanceOf(BodyError);
    return error as BodyError;
  }
  throw new Error('accepted');
}

describe('::: figure', () => {
  it('becomes a figure with the caption, its trailing bold the photo credit', () => {
    const { html, images } = render(
      'Intro.\n\n::: figure\n![A ferry at the quay](ferry.jpg)\nThe first ferry in two years. **AP Photo/Ana Ruiz**\n:::\n',
    );
    expect(html).toBe(
      '<p>Intro.</p>\n<figure><img src="file:///a/ferry.jpg" alt="A ferry at the quay" />' +
        '<figcaption>The first ferry in two years. <span class="credit" dir="auto">AP Photo/Ana Ruiz</span></figcaption>\n</figure>\n',
    );
    expect(images).toEqual([
      { src: 'ferry.jpg', alt: 'A ferry at the quay', bodyLine: 3, credit: 'AP Photo/Ana Ruiz' },
    ]);
  });

  it('keeps bold inside a caption as bold, and a figure without a credit has none', () => {
    const { html, images } = render('::: figure\n![Quay](q.jpg)\nA **busy** quay at dawn\n:::');
    expect(html).toContain('<figcaption>A <strong>busy</strong> quay at dawn</figcaption>');
    expect(images[0]).not.toHaveProperty('credit');
  });

  it('may hold a caption alone, or an image alone', () => {
    const flat = (body: string) => render(body).html.replaceAll('\n', '');
    expect(flat('::: figure\nJust words\n:::')).toBe('<figure><figcaption>Just words</figcaption></figure>');
    expect(flat('::: figure\n![Quay](q.jpg)\n:::')).toBe('<figure><img src="file:///a/q.jpg" alt="Quay" /></figure>');
  });

  it('refuses two images, or anything but an image and a caption, at the figure’s line', () => {
    const two = refusal('Intro.\n\n::: figure\n![A](a.jpg)\n![B](b.jpg)\n:::');
    expect(two.message).toBe('a figure holds at most one image, this one has 2');
    expect(two.bodyLine).toBe(2);
    const list = refusal('::: figure\n![A](a.jpg)\n\n- one\n- two\n:::');
    expect(list.message).toBe('a figure holds one image and a caption, not a bullet_list');
    expect(list.bodyLine).toBe(3);
  });
});

describe('captioned image (Kramdown)', () => {
  it('turns an image with an emphasised caption on the next line into a figure', () => {
    const { html } = render('![The dock](dock.jpg)\n*The dock at night*');
    expect(html).toBe(
      '<figure><img src="file:///a/dock.jpg" alt="The dock" /><figcaption>The dock at night</figcaption>\n</figure>\n',
    );
  });

  it('leaves an image followed by ordinary text, or by emphasis and more, a paragraph', () => {
    expect(render('![The dock](dock.jpg)\nThe dock at night').html).toMatch(/^<p><img/);
    expect(render('![The dock](dock.jpg)\n*The dock* at night').html).toMatch(/^<p><img/);
  });
});
