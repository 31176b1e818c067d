// The font choice by characters, the writing direction by language and the language read from the text:
// pure functions over the bundled fonts' files, no browser.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/article/detect-language.js';
import { fontsFor } from '../../../src/fonts/font-stack.js';
import { pageFonts } from '../../../src/fonts/page-fonts.js';
import { preferredHan, textDirection } from '../../../src/fonts/writing-systems.js';

describe('fontsFor', () => {
  it('loads nothing but the base faces for Latin, Cyrillic and Greek', () => {
    const choice = fontsFor('The Kremlin — Кремль — Κρεμλίνο, “2024”', 'en');
    expect(choice.textFamilies).toEqual(['Noto Serif']);
    expect(choice.stylesheets.every((sheet) => /noto-(serif|sans)(-armenian)?\//.test(sheet))).toBe(true);
    expect(pageFonts('The Kremlin', 'en').css).toBe('');
  });

  it('adds each script an English article quotes, in font-family order, and colour emoji first', () => {
    const choice = fontsFor('Lin Haoran (林浩然) said “정상회담”, “शिखर सम्मेलन”, “שלום”, السلام 🎉', 'en');
    expect(choice.textFamilies).toEqual([
      'Noto Color Emoji',
      'Noto Serif',
      'Noto Sans Hebrew',
      'Noto Naskh Arabic',
      'Noto Sans Devanagari',
      'Noto Sans SC',
      'Noto Sans KR',
    ]);
    expect(choice.missing).toEqual([]);
    // The emoji face is imprint's own, limited to pictographs: digits stay the text's.
    expect(choice.extraCss).toMatch(/unicode-range: U\+/);
    expect(choice.extraCss).not.toMatch(/U\+3[0-9](,|-| )/);
    // The first call reads every bundled face's character map (about a second; more on a busy machine).
  }, 30_000);

  it('sets an article in its own script first, and Han in the form its language asks for', () => {
    expect(fontsFor('東京で会議', 'ja').textFamilies[0]).toBe('Noto Sans JP');
    expect(fontsFor('台北報導', 'zh-TW').textFamilies[0]).toBe('Noto Sans TC');
    expect(fontsFor('北京报道', 'zh').textFamilies[0]).toBe('Noto Sans SC');
    expect(fontsFor('قال «الوزير»', 'ar').textFamilies[0]).toBe('Noto Naskh Arabic');
    expect(fontsFor('وزیر اعظم نے کہا', 'ur').textFamilies[0]).toBe('Noto Nastaliq Urdu');
    expect(fontsFor('وزیر گفت', 'fa').textFamilies[0]).toBe('Noto Naskh Arabic');
  });

  it('lets every space through, as Chromium sets them with the face’s own space', () => {
    expect(fontsFor('2\u202F000 navires\u2009: un record\u202F!\u2004\u3000', 'fr').missing).toEqual([]);
  });

  it('reports a character no bundled font has, with its code point', () => {
    expect(fontsFor('ສະບາຍ and 𠮷', 'en').missing.map(({ codePoint }) => codePoint.toString(16))).toEqual([
      'eaa',
      'eb0',
      'e9a',
      'eb2',
      'e8d',
    ]);
    // Noto Sans SC lacks 𠮷, but another bundled Han font has it: it is printed, not refused.
    expect(fontsFor('𠮷野家', 'zh').textFamilies).toEqual(['Noto Sans SC', 'Noto Serif', 'Noto Sans JP']);
  });
});

describe('pageFonts', () => {
  it('refuses a page whose own words (a label from imprint.yaml) no bundled font has', () => {
    expect(() => pageFonts('Page 1 of 2 ສະບາຍ', 'en')).toThrow(/no bundled font has "ສ" \(U\+0EAA\).*labels or date/);
  });
});

describe('writing direction and Han form by language tag', () => {
  it.each([
    ['ar', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['he', 'rtl'],
    ['yi', 'rtl'],
    ['dv', 'rtl'],
    ['ckb', 'rtl'],
    ['pa-Arab', 'rtl'],
    ['en', 'ltr'],
    ['hi', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['az-Latn', 'ltr'],
    ['ku-Arab', 'rtl'],
  ])('%s is %s', (lang, dir) => expect(textDirection(lang)).toBe(dir));

  it.each([
    ['ja', 'ja'],
    ['ko-KR', 'ko'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['en', 'zh-Hans'],
  ])('%s writes Han as %s', (lang, form) => expect(preferredHan(lang)).toBe(form));
});

describe('detectLanguage', () => {
  it.each([
    ['新华社北京电，国务院总理今天在人民大会堂会见了来访的外国代表团，双方就经贸合作交换了意见。', 'zh-Hans'],
    ['【記者林怡君／港都報導】颱風昨晚遠離，停駛兩天的交通船今日清晨恢復航行，旅客陸續搭船返鄉。', 'zh-Hant'],
    ['東京で会議が開かれ、首相は記者団に対して今後の方針を説明した。', 'ja'],
    ['서해신항 화물 운송 노동자들의 파업이 8일 만에 끝났다고 관계자가 밝혔다.', 'ko'],
    ['قال المتحدث باسم الأمم المتحدة إن المفاوضات ستستمر خلال الأسبوع المقبل في جنيف', 'ar'],
    ['دولت جدید روز دوشنبه اعلام کرد که مذاکرات با شرکای اروپایی ادامه خواهد داشت', 'fa'],
    ['אוניית התיירים הראשונה של העונה עגנה אתמול בבוקר בנמל, ועל סיפונה כ־3,000 נוסעים', 'he'],
    ['ზღვისპირა ქალაქში ახალი ღრმაწყლოვანი ნავსადგურის მშენებლობა ოფიციალურად დაიწყო', 'ka'],
    ['The Kremlin confirmed on Wednesday that Russian peacekeepers had begun to withdraw from the region.', 'en'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toEqual({ lang, sure: true }));

  it('says when there is too little text to tell', () =>
    expect(detectLanguage('OK')).toEqual({ lang: 'en', sure: false }));
});
