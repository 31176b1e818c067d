// "Did you mean …?": the known field within two edits of a misspelt one, the nearest first.
import { describe, expect, it } from 'vitest';
import { knownFields } from '../../../src/article/front-matter.js';
import { closestWord } from '../../../src/data/closest-word.js';

describe('closestWord', () => {
  it('suggests the field a typo was meant to be', () => {
    expect(closestWord('titel', knownFields)).toBe('title');
    expect(closestWord('publicaton', knownFields)).toBe('publication');
    expect(closestWord('authr', ['author', 'byline'])).toBe('author');
    expect(closestWord('tag', knownFields)).toBe('tags');
    expect(closestWord('Title', knownFields)).toBe('title'); // case is not a typo
    expect(closestWord('DATE', knownFields)).toBe('date');
    // Names written in camelCase are found however they are misspelt or joined.
    expect(closestWord('sourceDateEpoc', ['sourceDateEpoch', 'page'])).toBe('sourceDateEpoch');
    expect(closestWord('sourcedateepoch', ['sourceDateEpoch'])).toBe('sourceDateEpoch');
    expect(closestWord('source_date_epoch', ['sourceDateEpoch'])).toBe('sourceDateEpoch');
    expect(closestWord('max-width', ['maxWidth'])).toBe('maxWidth');
  });

  it('suggests nothing for a word more than two edits from every field', () => {
    expect(closestWord('headline', knownFields)).toBeUndefined();
    expect(closestWord('title_kh', knownFields)).toBeUndefined(); // a site's own field, not a typo of title
    expect(closestWord('xyz', ['title'])).toBeUndefined();
    expect(closestWord('title', [])).toBeUndefined();
  });

  it('prefers the nearest field, and an exact one over any other', () => {
    expect(closestWord('slugs', ['slug', 'tags'])).toBe('slug');
    expect(closestWord('tags', ['tag', 'tags'])).toBe('tags');
    expect(closestWord('credit', ['rights', 'credits'])).toBe('credits');
  });
});
