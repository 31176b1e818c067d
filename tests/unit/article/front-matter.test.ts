// The front matter schema: required fields, each field's rules and defaults, and what imprint.yaml's defaults may set.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { articleDefaultsSchema, frontMatterSchema, knownFields } from '../../../src/article/front-matter.js';
import { editions } from '../../../src/edition.js';

const base = { title: 'Ferries return', date: '2024-04-17', publication: 'The Harbour Times' };
const parse = (fields: Record<string, unknown>) => v.safeParse(frontMatterSchema, { ...base, ...fields });
const message = (fields: Record<string, unknown>) => {
  const result = parse(fields);
  return result.success ? undefined : result.issues[0].message;
};

describe('frontMatterSchema', () => {
  it('needs a title, a date and a publication, and defaults the lists to empty', () => {
    expect(v.parse(frontMatterSchema, base)).toEqual({ ...base, byline: [], translators: [], tags: [], credits: [] });
    for (const field of ['title', 'date', 'publication']) {
      const { [field]: _, ...rest } = base as Record<string, string>;
      expect(v.safeParse(frontMatterSchema, rest).success, field).toBe(false);
    }
  });

  it('trims text and refuses blank text', () => {
    expect(parse({ title: '  Ferries  ' }).output).toMatchObject({ title: 'Ferries' });
    expect(message({ title: '   ' })).toBe('title must not be empty');
    expect(message({ title: 12 })).toBe('title must be text');
  });

  it('takes a byline or credits as one name or a list, always a list afterwards', () => {
    expect(parse({ byline: 'Ana Ruiz', credits: ['AP', 'Reuters'] }).output).toMatchObject({
      byline: ['Ana Ruiz'],
      credits: ['AP', 'Reuters'],
    });
    expect(message({ byline: 3 })).toBe('byline must be text or a list of text');
  });

  it('takes only real calendar dates written YYYY-MM-DD', () => {
    for (const date of ['2024-02-29', '2023-12-31']) expect(parse({ date }).success, date).toBe(true);
    expect(message({ date: '2023-02-29' })).toBe('date is not a real calendar date');
    expect(message({ date: '2024-13-01' })).toBe('date is not a real calendar date');
    expect(message({ date: '17/04/2024' })).toBe('date must be written as YYYY-MM-DD, e.g. 2024-04-17');
    expect(message({ date: '2024-4-17' })).toBe('date must be written as YYYY-MM-DD, e.g. 2024-04-17');
  });

  it('takes only http(s) sources, language tags and hyphenated lower-case slugs', () => {
    expect(parse({ source: 'https://example.com/a' }).success).toBe(true);
    expect(message({ source: 'ftp://example.com/a' })).toBe('source must be an http(s) URL');
    expect(message({ source: 'example.com' })).toBe('source must be a full URL');
    for (const lang of ['en', 'pt-BR', 'zh-Hant-TW', 'ckb']) expect(parse({ lang }).success, lang).toBe(true);
    expect(message({ lang: 'english' })).toBe('lang must be a language tag such as en or pt-BR');
    expect(parse({ slug: 'ferries-return-2024' }).success).toBe(true);
    for (const slug of ['Ferries', 'ferries--return', '-ferries', 'ferries_return'])
      expect(message({ slug }), slug).toBe('slug must be lower-case words joined by hyphens');
  });

  it('takes a page size and a list of known editions', () => {
    expect(parse({ page: ' Letter ' }).output).toMatchObject({ page: 'letter' });
    expect(parse({ editions: ['pdf', 'epub'] }).output).toMatchObject({ editions: ['pdf', 'epub'] });
    expect(message({ editions: ['pdf', 'mobi'] })).toBe(`editions must be a list of: ${editions.join(', ')}`);
  });

  it('refuses a field it does not know', () => {
    const result = parse({ headline: 'x' });
    expect(result.success).toBe(false);
    expect(knownFields).toEqual([
      'title',
      'subtitle',
      'date',
      'publication',
      'byline',
      'translators',
      'source',
      'lang',
      'slug',
      'description',
      'tags',
      'credits',
      'rights',
      'page',
      'editions',
    ]);
  });
});

describe('articleDefaultsSchema', () => {
  it('lets imprint.yaml set every field but those that identify one article, each with the article’s rules', () => {
    expect(v.parse(articleDefaultsSchema, { publication: 'The Harbour Times', lang: 'fr', page: 'a4' })).toEqual({
      publication: 'The Harbour Times',
      lang: 'fr',
      page: 'a4',
    });
    for (const field of ['title', 'date', 'slug'])
      expect(v.safeParse(articleDefaultsSchema, { [field]: 'x' }).success, field).toBe(false);
    expect(v.safeParse(articleDefaultsSchema, { lang: 'english' }).success).toBe(false);
  });
});
