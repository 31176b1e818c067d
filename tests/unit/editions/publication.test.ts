// What a publication carries besides its metadata: the headings its PDF bookmarks are titled by.
import { describe, expect, it } from 'vitest';
import { articleHeadings } from '../../../src/editions/publication.js';

describe('articleHeadings', () => {
  it('is the headline and the body’s subheadings as plain text, entities decoded', () => {
    const body =
      '<p>Intro</p><h2 id="a">Ports &amp; <em>harbours</em></h2><p>x</p><h3>Q&#39;s &quot;A&quot;</h3><h2>Less &lt;than&gt;</h2>';
    expect(articleHeadings('Ferries return', body)).toEqual([
      'Ferries return',
      'Ports & harbours',
      'Q\'s "A"',
      'Less <than>',
    ]);
    expect(articleHeadings('Only a title', '<p>No headings</p>')).toEqual(['Only a title']);
  });
});
