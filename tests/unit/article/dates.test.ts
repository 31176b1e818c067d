// Dates as people write them (src/article/dates.ts): the day, the moment when a zone is given, and refusals.
import { describe, expect, it } from 'vitest';
import { latinDigits, readDate } from '../../../src/article/dates.js';

const day = (written: unknown, lang?: string) => {
  const reading = readDate(written, lang);
  return reading.ok ? reading.date : reading.problem;
};

describe('readDate', () => {
  it('reads year-first dates with any separator', () => {
    for (const written of ['2023-05-03', '2023/05/03', '2023.05.03', '2023/5/3', '2023年5月3日', '2023년 5월 3일'])
      expect([written, day(written)]).toEqual([written, '2023-05-03']);
  });

  it('reads day-first dotted dates and unambiguous slashed ones', () => {
    expect(day('03.05.2023', 'de')).toBe('2023-05-03');
    expect(day('25/12/2023')).toBe('2023-12-25');
    expect(day('12/25/2023')).toBe('2023-12-25');
  });

  it('refuses an ambiguous date, saying both readings', () => {
    expect(day('03/05/2023')).toBe(
      'date "03/05/2023" could be 5 March or 3 May; write it year first, as 2023-03-05 or 2023-05-03',
    );
  });

  it('keeps the moment only when the zone is given', () => {
    expect(readDate('2023/05/03 14:30 +0200')).toEqual({
      ok: true,
      date: '2023-05-03',
      dateTime: '2023-05-03T14:30:00+02:00',
    });
    expect(readDate('2023-05-03T14:30:05Z')).toEqual({
      ok: true,
      date: '2023-05-03',
      dateTime: '2023-05-03T14:30:05Z',
    });
    expect(readDate('2023-05-03 14:30')).toEqual({ ok: true, date: '2023-05-03', dateTime: undefined });
  });

  it("reads dates written out in the article's language", () => {
    const cases: [string, string | undefined][] = [
      ['3 May 2023', 'en'],
      ['Wednesday, May 3rd, 2023', undefined],
      ['3. Mai 2023', 'de'],
      ['3 mai 2023', 'fr'],
      ['3 de mayo de 2023', 'es'],
      ['3 мая 2023 г.', 'ru'],
      ['۳ مه ۲۰۲۳', 'fa'],
      ['3 พฤษภาคม 2566', 'th'],
      ['3 במאי 2023', 'he'],
    ];
    for (const [written, lang] of cases) expect([written, day(written, lang)]).toEqual([written, '2023-05-03']);
  });

  it('refuses what is not a real date or not a date', () => {
    expect(day('2023-02-30')).toMatch(/not a real calendar date/);
    expect(day('soon')).toMatch(/must be written as YYYY-MM-DD/);
    expect(day('۱۴۰۲/۰۲/۱۳', 'fa')).toMatch(/year 1402.*Gregorian/);
  });

  it("turns any script's digits into 0–9", () => {
    expect(latinDigits('۱۲۳ ٤٥ २०२३ ๒๕๖๖ 2023')).toBe('123 45 2023 2566 2023');
  });
});

describe('a date read beside a lang that is not a language tag', () => {
  it('is read or refused as a date, never an internal error (found by the fuzzer: lang: 1970-01-01)', () => {
    expect(() => readDate('+010000-01', '1970-01-01')).not.toThrow(RangeError);
    expect(() => readDate('3 May 2023', 'not a tag!')).not.toThrow(RangeError);
  });
});
