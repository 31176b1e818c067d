// Site generators' front matter read as imprint's: aliases, Hugo's params, dates with a zone, drafts, the lead photo.
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/article/markdown.js';
import { adaptFrontMatter, leadFigure } from '../../../src/article/site-generator.js';

describe('adaptFrontMatter', () => {
  it('maps other names for imprint’s fields, merges tags once, and lists the website’s fields it leaves out', () => {
    const adapted = adaptFrontMatter(
      {
        title: 'T',
        author: 'Ana Ruiz',
        summary: 'S',
        categories: ['Port'],
        tags: ['Port', 'ferries'],
        layout: 'post',
        permalink: '/x/',
      },
      'ferries',
    );
    expect(adapted.fields).toEqual({ title: 'T', byline: 'Ana Ruiz', description: 'S', tags: ['Port', 'ferries'] });
    expect(adapted.ignored).toEqual(['layout', 'permalink']);
    expect(adapted.draft).toBe(false);
  });

  it('keeps a misspelt imprint field for the schema to refuse, and follows imprint.yaml’s own rules', () => {
    expect(adaptFrontMatter({ titel: 'T' }, 'a').fields).toEqual({ titel: 'T' });
    const adapted = adaptFrontMatter({ headline: 'T', draft_notes: 'x' }, 'a', {
      map: { headline: 'title' },
      ignore: ['draft_notes'],
    });
    expect(adapted).toMatchObject({ fields: { title: 'T' }, ignored: ['draft_notes'] });
  });

  it('reads Hugo’s params table, the page’s own top-level fields winning', () => {
    expect(adaptFrontMatter({ title: 'Top', params: { title: 'Inner', author: 'P' } }, 'a').fields).toEqual({
      title: 'Top',
      byline: 'P',
    });
  });

  it('takes the day of a date with a time, keeping the moment only when it has a zone', () => {
    expect(adaptFrontMatter({ date: '2024-04-17T09:30+0200' }, 'a')).toMatchObject({
      fields: { date: '2024-04-17' },
      dateTime: '2024-04-17T09:30:00+02:00',
    });
    expect(adaptFrontMatter({ date: '2024-04-17 09:30:15Z' }, 'a').dateTime).toBe('2024-04-17T09:30:15Z');
    expect(adaptFrontMatter({ date: '2024-04-17T09:30:00' }, 'a')).toMatchObject({
      fields: { date: '2024-04-17' },
      dateTime: undefined,
    });
    // Jekyll's post names carry the date when the front matter has none.
    expect(adaptFrontMatter({ title: 'T' }, '2011-03-14-the-title').fields.date).toBe('2011-03-14');
    expect(adaptFrontMatter({ date: '2024-01-01' }, '2011-03-14-the-title').fields.date).toBe('2024-01-01');
  });

  it('sees drafts written either way', () => {
    expect(adaptFrontMatter({ draft: true }, 'a').draft).toBe(true);
    expect(adaptFrontMatter({ published: false }, 'a').draft).toBe(true);
    expect(adaptFrontMatter({ draft: 'no' }, 'a').draft).toBe(false);
  });

  it('finds the lead photo under a theme’s names, flat or nested', () => {
    expect(
      adaptFrontMatter({ image: 'quay.jpg', image_caption: 'The quay', photo_credit: 'AP', image_alt: 'A quay' }, 'a')
        .lead,
    ).toEqual({ src: 'quay.jpg', alt: 'A quay', caption: 'The quay', credit: 'AP' });
    expect(adaptFrontMatter({ cover: { image: 'c.jpg', alt: 'C', caption: 'Cap' } }, 'a').lead).toEqual({
      src: 'c.jpg',
      alt: 'C',
      caption: 'Cap',
      credit: undefined,
    });
    expect(adaptFrontMatter({ images: ['first.jpg', 'second.jpg'] }, 'a').lead?.src).toBe('first.jpg');
    expect(adaptFrontMatter({ image: '  ' }, 'a').lead).toBeUndefined();
  });
});

describe('leadFigure', () => {
  it('opens the body with the photo as an imprint figure, credit and all', () => {
    const markdown = leadFigure({
      src: 'my photo.jpg',
      alt: 'The [new] quay',
      caption: 'The quay at dawn',
      credit: 'AP',
    });
    const { html, images } = renderBody(markdown, 'en', (image) => `file:///a/${image.src}`);
    // The path's space survives (as markdown-it's %20, which the image lookup decodes); brackets leave the alt text.
    expect(images).toEqual([{ src: 'my%20photo.jpg', alt: 'The new quay', bodyLine: 1, credit: 'AP' }]);
    expect(html).toContain('<figcaption>The quay at dawn <span class="credit" dir="auto">AP</span></figcaption>');
  });

  it('keeps a caption that reads like Markdown block syntax as the words it is', () => {
    const captions = [
      '1. Ferries wait at the quay',
      '2) Second of three photos',
      '# 3 of the fleet',
      '> Quoted, in a caption',
      '- a dash first',
      '+ plus first',
      '* star first',
      '::: not a container',
      '<div>not HTML</div>',
      '``` three backticks',
      '| a | table? |',
      'Two lines\n\nof caption',
      '===',
      '-',
      '*Emphasis* first',
      '- - -',
    ];
    for (const caption of captions) {
      const { html } = renderBody(
        leadFigure({ src: 'q.jpg', alt: 'Q', caption, credit: 'AP' }),
        'en',
        () => 'file:///q.jpg',
      );
      const text = caption
        .replace(/\s+/g, ' ')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replace(/^\*(\w+)\*/, '<em>$1</em>');
      expect(html, caption).toContain(`<figcaption>${text} <span class="credit" dir="auto">AP</span></figcaption>`);
    }
    // Inline Markdown at the start is not a block's start: an autolink stays a link.
    const linked = leadFigure({ src: 'q.jpg', alt: 'Q', caption: '<https://example.org> has more', credit: undefined });
    expect(renderBody(linked, 'en', () => 'file:///q.jpg').html).toContain(
      '<figcaption><a href="https://example.org">https://example.org</a> has more</figcaption>',
    );
  });
});
