// The built-in labels, the choice of table for a tag, and dates and digits in each language (no browser).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { loadHouseStyle } from '../../../src/config/load-house-style.js';
import { ImprintError } from '../../../src/errors.js';
import { builtInLabels } from '../../../src/labels/built-in.js';
import { counterStyleFor, displayDate, formatNumber } from '../../../src/labels/dates.js';
import {
  builtInLanguages,
  labelNames,
  labelOverridesSchema,
  labelPlaceholders,
  labelsFor,
} from '../../../src/labels/labels.js';

const asked = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'ru',
  'uk',
  'pl',
  'el',
  'hy',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'ko',
  'ar',
  'fa',
  'ur',
  'he',
  'hi',
  'bn',
  'ta',
  'th',
  'vi',
  'id',
  'tr',
  'sw',
  'ka',
  'km',
  'my',
  'kn',
  'ml',
  'ne',
  'mr',
  'ms',
];

describe('built-in labels', () => {
  it('cover every language asked for, each with every label and its placeholders', () => {
    expect([...builtInLanguages].sort()).toEqual([...asked].sort());
    for (const [lang, labels] of Object.entries(builtInLabels)) {
      expect([lang, Object.keys(labels).sort()]).toEqual([lang, [...labelNames].sort()]);
      for (const name of labelNames) {
        const text: string = labels[name];
        expect(text.trim(), `${lang}.${name}`).not.toBe('');
        for (const placeholder of labelPlaceholders[name]) expect(text, `${lang}.${name}`).toContain(placeholder);
        // The footer's optional count, and no placeholder a label does not fill.
        const allowed = name === 'page' ? ['{page}', '{pages}'] : labelPlaceholders[name];
        for (const used of text.match(/\{\w+\}/g) ?? [])
          expect(allowed, `${lang}.${name} uses ${used}`).toContain(used);
      }
      // Each is a table in its own words: a language that copied English by mistake would show "Contents".
      if (lang !== 'en') expect([lang, labels.contents]).not.toEqual([lang, 'Contents']);
    }
    expect(v.safeParse(labelOverridesSchema, builtInLabels).success).toBe(true);
  });

  it('have every footer print the page count, as the English one does', () => {
    for (const [lang, labels] of Object.entries(builtInLabels)) expect(labels.page, lang).toContain('{pages}');
  });

  it('are NFC, with no Arabic presentation forms and Persian and Urdu letters in Persian and Urdu', () => {
    for (const [lang, labels] of Object.entries(builtInLabels)) {
      for (const text of Object.values(labels)) {
        expect(text, lang).toBe(text.normalize('NFC'));
        expect(text, lang).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
        if (lang === 'fa' || lang === 'ur') expect(text, lang).not.toMatch(/[\u064A\u0643]/); // Arabic yeh and kaf
      }
    }
  });
});

describe('labelsFor', () => {
  it('gives Simplified Chinese for zh, zh-CN, zh-SG and zh-Hans tags, Traditional for zh-TW, zh-HK, zh-MO and zh-Hant', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG'])
      expect([tag, labelsFor(tag)]).toEqual([tag, builtInLabels['zh-Hans']]);
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk'])
      expect([tag, labelsFor(tag)]).toEqual([tag, builtInLabels['zh-Hant']]);
    expect(labelsFor('zh-CN').contents).toBe('目录');
    expect(labelsFor('zh-TW').contents).toBe('目錄');
  });

  it('falls back from a region to its language and from an unknown language to English', () => {
    expect(labelsFor('ar-EG')).toEqual(builtInLabels.ar);
    expect(labelsFor('pt-BR').page).toBe('Página {page} de {pages}');
    expect(labelsFor('sv')).toEqual(builtInLabels.en);
    expect(labelsFor('not a tag')).toEqual(builtInLabels.en);
  });

  it('takes overrides before the built-in table, a zh-Hant override for a zh-TW article too', () => {
    const config = { 'zh-HK': { pdfEdition: 'PDF，供閱讀及打印' } };
    const theme = { 'zh-Hant': { cover: '封面圖' }, ja: { byline: '{names}記者' } };
    expect(labelsFor('zh-HK', [config, theme])).toMatchObject({
      pdfEdition: 'PDF，供閱讀及打印',
      cover: '封面圖',
      contents: '目錄',
    });
    expect(labelsFor('zh-TW', [config, theme])).toMatchObject({
      pdfEdition: builtInLabels['zh-Hant'].pdfEdition,
      cover: '封面圖',
    });
    expect(labelsFor('ja', [config, theme]).byline).toBe('{names}記者');
  });
});

describe('displayDate', () => {
  it('is Gregorian for Persian by default, in Persian digits, and Solar Hijri when asked', () => {
    expect(displayDate('2025-03-07', 'fa')).toContain('۲۰۲۵');
    expect(displayDate('2025-03-07', 'fa')).not.toContain('۱۴۰۳');
    expect(displayDate('2025-03-07', 'fa', { calendar: 'persian' })).toMatch(/۱۷ .* ۱۴۰۳/);
    expect(displayDate('2025-03-07', 'fa', { numerals: 'latn' })).toContain('2025');
  });

  it('is Gregorian for Thai by default and in the Buddhist era when asked, or when the tag asks', () => {
    expect(displayDate('2025-03-07', 'th')).toContain('2025');
    expect(displayDate('2025-03-07', 'th')).not.toContain('2568');
    expect(displayDate('2025-03-07', 'th', { calendar: 'buddhist' })).toContain('2568');
    expect(displayDate('2025-03-07', 'th-u-ca-buddhist')).toContain('2568');
    expect(displayDate('2025-03-07', 'th', { numerals: 'thai' })).toContain('๒๐๒๕');
  });

  it('writes Arabic-Indic digits for Egyptian Arabic and Latin ones for Arabic, unless told', () => {
    expect(displayDate('2025-03-07', 'ar-EG')).toContain('٢٠٢٥');
    expect(displayDate('2025-03-07', 'ar')).toContain('2025');
    expect(displayDate('2025-03-07', 'ar', { numerals: 'arab' })).toContain('٢٠٢٥');
    expect(displayDate('2025-03-07', 'ar-SA', { calendar: 'islamic-umalqura' })).toContain('١٤٤٦');
  });

  it('reads the day in UTC, whatever the hour or the machine, and refuses what is not a date', () => {
    expect(displayDate('2025-01-01', 'en')).toBe('January 1, 2025');
    expect(displayDate('2025-12-31', 'ja')).toBe('2025年12月31日');
    expect(() => displayDate('yesterday', 'en')).toThrow(/not an ISO 8601 date/);
  });
});

describe('digits', () => {
  it('names the CSS counter style of each language’s usual digits', () => {
    const expected = {
      en: 'decimal',
      ar: 'decimal',
      'ar-EG': 'arabic-indic',
      fa: 'persian',
      bn: 'bengali',
      mr: 'devanagari',
      ne: 'devanagari',
      my: 'myanmar',
      hi: 'decimal',
      th: 'decimal',
      'th-u-nu-thai': 'thai',
    };
    for (const [lang, style] of Object.entries(expected)) expect([lang, counterStyleFor(lang)]).toEqual([lang, style]);
    expect(counterStyleFor('fa', 'latn')).toBe('decimal');
    expect(counterStyleFor('km', 'khmr')).toBe('khmer');
    expect(counterStyleFor('ta', 'tamldec')).toBe('tamil');
    expect(counterStyleFor('kn', 'knda')).toBe('kannada');
    expect(counterStyleFor('ml', 'mlym')).toBe('malayalam');
    expect(counterStyleFor('hi', 'deva')).toBe('devanagari');
  });

  it('formats numbers in the same digits', () => {
    expect(formatNumber(12, 'fa')).toBe('۱۲');
    expect(formatNumber(12, 'ar-EG')).toBe('١٢');
    expect(formatNumber(12, 'bn')).toBe('১২');
    expect(formatNumber(12, 'fa', 'latn')).toBe('12');
    expect(formatNumber(12, 'en', 'deva')).toBe('१२');
  });
});

describe('imprint.yaml calendar: and numerals:', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imprint-labels-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const config = async (text: string) => {
    const file = join(dir, 'imprint.yaml');
    await writeFile(file, text);
    return { file, load: () => loadConfig(file) };
  };

  it('are carried through the config and the house style', async () => {
    const { load } = await config('calendar: persian\nnumerals: latn\n');
    const loaded = await load();
    expect(loaded).toMatchObject({ calendar: 'persian', numerals: 'latn' });
    const style = await loadHouseStyle(loaded);
    expect(style).toMatchObject({ calendar: 'persian', numerals: 'latn' });
    expect(displayDate('2025-03-07', 'fa', style)).toMatch(/^17 .* 1403$/);
    const plain = await loadHouseStyle(await (await config('labels:\n  en:\n    cover: Front\n')).load());
    expect(plain.calendar).toBeUndefined();
    expect(plain.fingerprint).not.toBe(style.fingerprint);
  });

  it('refuse a calendar or digits Intl does not know, naming the key and its line', async () => {
    const bad = await config('labels:\n  en:\n    cover: Front\ncalendar: julian\n');
    const error = await bad.load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImprintError);
    const described = (error as ImprintError).describe();
    expect(described).toContain(`${bad.file}:4:1`);
    expect(described).toContain('field "calendar"');
    expect(described).toContain('persian');
    const digits = await (await config('numerals: roman\n')).load().catch((caught: unknown) => caught);
    expect((digits as ImprintError).describe()).toMatch(
      /:1:1: .*field "numerals": numerals must be one of latn, arab, arabext/,
    );
  });
});
