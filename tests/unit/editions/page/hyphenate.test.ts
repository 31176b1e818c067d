// Soft hyphens for print: inserted from the language's patterns, never in CJK, code, links, URLs or headings.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Hyphenate, hyphenateHtml, hyphenatorFor } from '../../../../src/editions/page/hyphenate.js';

const shy = '\u00AD';
let en: Hyphenate;
beforeAll(async () => {
  en = (await hyphenatorFor('en'))!;
});

describe('hyphenatorFor', () => {
  it('inserts soft hyphens into long words, and leaves short ones whole', () => {
    expect(en('international')).toBe(`in${shy}ter${shy}na${shy}tion${shy}al`);
    expect(en('the ferry docks')).toBe('the ferry docks'); // under six letters
    expect(en('international').replaceAll(shy, '')).toBe('international');
  });

  it('never puts one between an f and the letter it forms a ligature with', () => {
    const words = en('office difficult afflicted shuffled');
    expect(words.replaceAll(shy, '')).toBe('office difficult afflicted shuffled');
    expect(words).not.toMatch(/f\u00AD[fijlt]/);
  });

  it('chooses patterns by language tag and region, and has none for CJK or unknown languages', async () => {
    for (const tag of ['de', 'de-AT', 'en-GB', 'EN-us', 'pt-BR', 'ru', 'ka'])
      expect(await hyphenatorFor(tag), tag).toBeTypeOf('function');
    for (const tag of ['ja', 'zh', 'zh-Hant', 'ko', 'th', 'ar', 'xx'])
      expect(await hyphenatorFor(tag), tag).toBeUndefined();
    const de = (await hyphenatorFor('de'))!;
    expect(de('Donaudampfschifffahrt')).toContain(shy);
  });

  it('leaves CJK text in a Latin article untouched', () => {
    expect(en('東京で国際会議が開かれた 北京报道 서해신항')).toBe('東京で国際会議が開かれた 北京报道 서해신항');
  });
});

describe('hyphenateHtml', () => {
  it('hyphenates the text between tags and leaves the tags alone', async () => {
    const html = '<p class="international">international<br/>organisation <em>international</em></p>';
    const out = await hyphenateHtml(html, en);
    expect(out).toBe(
      `<p class="international">in${shy}ter${shy}na${shy}tion${shy}al<br/>or${shy}gan${shy}i${shy}sa${shy}tion <em>in${shy}ter${shy}na${shy}tion${shy}al</em></p>`,
    );
  });

  it('never hyphenates code, links, captions or headings', async () => {
    for (const tag of ['code', 'pre', 'kbd', 'samp', 'var', 'a', 'figcaption', 'h1', 'h2', 'h6']) {
      const html = `<p>see <${tag}>international organisation</${tag}> too</p>`;
      expect(await hyphenateHtml(html, en), tag).toBe(html);
    }
    // Nested: <code> in <pre> ends the skip only when both close.
    const nested = '<pre><code>international</code> international</pre><p>international</p>';
    expect(await hyphenateHtml(nested, en)).toBe(
      `<pre><code>international</code> international</pre><p>in${shy}ter${shy}na${shy}tion${shy}al</p>`,
    );
  });

  it('never breaks URLs, paths, e-mail addresses or entities', async () => {
    const words = [
      'https://example.com/international-organisation',
      'www.internationalorganisation.org',
      'press@international.org',
      'international_organisation',
      '&amp;international',
      'C:\\international',
    ];
    const html = `<p>${words.join(' ')}</p>`;
    expect(await hyphenateHtml(html, en)).toBe(html);
  });

  it('leaves a word longer than any language has whole (a pasted blob), as the patterns are quadratic in its length', async () => {
    const blob = `<p>${'international'.repeat(10)}</p>`;
    expect(await hyphenateHtml(blob, en)).toBe(blob);
  });

  it('leaves a CJK body unchanged', async () => {
    const html = '<p>新华社北京电，国务院总理今天在人民大会堂会见了来访的外国代表团。</p>';
    expect(await hyphenateHtml(html, en)).toBe(html);
  });
});
