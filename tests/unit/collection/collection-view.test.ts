// A collection's grouping of its articles under sections, and its title block and photo with the credit.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/collection/collection-file.js';
import { bySection, type CollectedArticle, collectionHead } from '../../../src/collection/collection-view.js';
import { builtInStyle } from '../../../src/config/house-style.js';

type Image = { path: string; alt: string; credit?: string };
/** What bySection and collectionHead read of a collected article: its section and its photos. */
const collected = (section: string | undefined, images: Image[] = []) =>
  ({ section, article: { images } }) as unknown as CollectedArticle;

const collection: Collection = {
  file: '/news/week.yaml',
  dir: '/news',
  title: 'The week at sea',
  date: '2024-04-19',
  publication: 'The Harbour Times',
  subtitle: undefined,
  description: undefined,
  lang: 'en',
  rights: undefined,
  slug: 'week',
  cover: undefined,
  sections: [],
  sourceBytes: Buffer.from(''),
};

describe('bySection', () => {
  it('groups consecutive articles under the section they open or continue, in reading order', () => {
    const articles = [collected('Port'), collected('Port'), collected('Weather'), collected('Port')];
    expect(bySection(articles, ['a', 'b', 'c', 'd'])).toEqual([
      { title: 'Port', entries: ['a', 'b'] },
      { title: 'Weather', entries: ['c'] },
      { title: 'Port', entries: ['d'] }, // a section that comes back is a new group: the order is the reader's
    ]);
  });

  it('puts a collection without sections in one untitled group, and nothing in none', () => {
    expect(bySection([collected(undefined), collected(undefined)], [1, 2])).toEqual([
      { title: undefined, entries: [1, 2] },
    ]);
    expect(bySection([], [])).toEqual([]);
  });
});

describe('collectionHead', () => {
  it('shows the first article photo with its credit in the collection’s language', () => {
    const articles = [
      collected(undefined),
      collected(undefined, [
        { path: '/news/quay.jpg', alt: 'The quay', credit: 'AP' },
        { path: '/news/b.jpg', alt: 'B' },
      ]),
    ];
    const { photo, displayDate, head, labels } = collectionHead(collection, articles, builtInStyle);
    expect(photo).toEqual({
      path: '/news/quay.jpg',
      url: pathToFileURL('/news/quay.jpg').href,
      alt: 'The quay',
      credit: 'Photo: AP',
    });
    expect(displayDate).toBe('April 19, 2024');
    expect(head).toMatchObject({
      lang: 'en',
      dir: 'ltr',
      title: 'The week at sea',
      publication: 'The Harbour Times',
      logoUrl: undefined,
    });
    expect(labels.contents).toBe('Contents');
  });

  it('prefers the collection’s own cover, with no credit or alt text borrowed from an article', () => {
    const articles = [collected(undefined, [{ path: '/news/quay.jpg', alt: 'The quay', credit: 'AP' }])];
    const { photo } = collectionHead({ ...collection, cover: '/news/cover.jpg' }, articles, builtInStyle);
    expect(photo).toEqual({
      path: '/news/cover.jpg',
      url: pathToFileURL('/news/cover.jpg').href,
      alt: '',
      credit: undefined,
    });
  });

  it('has no photo when no article has one, and a right-to-left head for an Arabic collection', () => {
    const { photo, head, labels } = collectionHead({ ...collection, lang: 'ar' }, [collected(undefined)], builtInStyle);
    expect(photo).toBeUndefined();
    expect(head.dir).toBe('rtl');
    expect(labels.contents).not.toBe('Contents');
  });
});
