// Print page starts read from a PDF's page texts, and the EPUB chapter's page break markers placed at them.
import { describe, expect, it } from 'vitest';
import { markPageBreaks, pageStarts } from '../../../../src/editions/page/page-breaks.js';

const head = 'The Harbour Times · Ferries return';
const marker = (page: number) =>
  `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${page}" aria-label="${page}"></span>`;

describe('pageStarts', () => {
  it('gives the first letters of every page after the first, without the running head', () => {
    const starts = pageStarts(
      [
        'Ferries return\nThe first page',
        `${head}\nThe second page begins here and goes on well past forty letters`,
        `${head}\nThird.`,
      ],
      head,
    );
    expect(starts).toEqual(['thesecondpagebeginshereandgoesonwellpast', 'third.']);
    expect(starts[0]).toHaveLength(40);
  });

  it('ignores case, spaces, hyphens (soft and hard) and ligatures, as print sets them', () => {
    const [start] = pageStarts(['one', `${head.toUpperCase()}\nOF\u00ADFICE work is re-\nsumed ‐ now`], head);
    expect(start).toBe('officeworkisresumednow');
    expect(pageStarts(['one', `${head}\nThe oﬃce`], head)).toEqual(['theoffice']);
  });

  it('keeps a page’s text whole when it has no running head', () => {
    expect(pageStarts(['one', 'Another heading'], head)).toEqual(['anotherheading']);
    expect(pageStarts(['only one page'], head)).toEqual([]);
  });
});

describe('markPageBreaks', () => {
  it('marks the chapter’s first page before it, and each later page where its text begins', () => {
    const { html, pages } = markPageBreaks(
      '<p>Alpha beta gamma.</p><p>Delta &amp; epsilon.</p>',
      ['gamma', 'delta&'],
      3,
    );
    expect(pages).toEqual([3, 4, 5]);
    expect(html).toBe(`${marker(3)}<p>Alpha beta ${marker(4)}gamma.</p><p>${marker(5)}Delta &amp; epsilon.</p>`);
  });

  it('finds a start across inline elements and puts the marker inside the element where it begins', () => {
    const { html, pages } = markPageBreaks('<p>Four <em>five</em> six.</p>', ['fivesix'], 1);
    expect(pages).toEqual([1, 2]);
    expect(html).toBe(`${marker(1)}<p>Four <em>${marker(2)}five</em> six.</p>`);
  });

  it('skips a page whose start is not in the chapter, and looks for later pages after the last one found', () => {
    const { html, pages } = markPageBreaks('<p>one two one two</p>', ['two', 'missing', 'one', ''], 1);
    expect(pages).toEqual([1, 2, 4]);
    // Page 4's "one" is the second one, after page 2's start, not the first.
    expect(html).toBe(`${marker(1)}<p>one ${marker(2)}two ${marker(4)}one two</p>`);
  });

  it('leaves markup, attributes and entities as they were', () => {
    const { html } = markPageBreaks(
      '<h2 id="q">Q&amp;A</h2><p><a href="https://example.com/?a=1&amp;b=2">link</a> «text»</p>',
      ['text'],
      1,
    );
    expect(html).toContain('<h2 id="q">Q&amp;A</h2>');
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=2">link</a>');
    expect(html).toContain(`«${marker(2)}text»`);
  });
});

describe('markPageBreaks with decomposed accents', () => {
  it('finds a page that starts after an accent written as e + U+0301 (as macOS and some CMSs save it)', () => {
    const { pages } = markPageBreaks(
      '<p>Cafe\u0301.</p><p>Ne\u0301gociations reprennent.</p>',
      pageStarts(['x', 'Négociations reprennent.'], ''),
    );
    expect(pages).toEqual([1, 2]);
  });
});
