// Publication dates as people write them → the article's day (YYYY-MM-DD) and, when written with a time and a
// zone, the moment (ISO 8601). Year first with any separators (2023-05-03, 2023/05/03, 2023.05.03, 2023年5月3日,
// 2023년 5월 3일); day first with dots (03.05.2023, as German, Russian or Polish write it); and written out in
// the article's language, with month names from CLDR through Node's Intl (3 May 2023, May 3, 2023, 3 мая 2023,
// ۳ مه ۲۰۲۳, 3 พฤษภาคม 2566 in the Buddhist era). 03/05/2023 could be 3 May or 5 March, so it is refused.

export type DateReading = { ok: true; date: string; dateTime: string | undefined } | { ok: false; problem: string };

const timeAndZone = /^(?:[T ]|,?\s+)(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const yearFirst = /^(\d{4})(?:[-/.年년]\s*|\s+)(\d{1,2})(?:[-/.月월]\s*|\s+)(\d{1,2})[日일]?(.*)$/;
const dayFirstDotted = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(.*)$/;
const numericOther = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(.*)$/;

/** Languages whose month names are recognised when an article does not say its language. */
const monthLanguages = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'uk',
  'pl',
  'cs',
  'tr',
  'id',
  'ms',
  'vi',
  'sw',
  'el',
  'hy',
  'ka',
  'he',
  'ar',
  'fa',
  'ur',
  'hi',
  'bn',
  'ta',
  'ne',
  'mr',
  'kn',
  'ml',
  'th',
  'km',
  'my',
];

/** `date` as written (text, or a Date from a parser); `lang` is the article's language when it says one. */
export function readDate(written: unknown, lang?: string): DateReading {
  if (written instanceof Date) {
    if (Number.isNaN(written.getTime())) return { ok: false, problem: 'date is not a real calendar date' };
    return { ok: true, date: written.toISOString().slice(0, 10), dateTime: undefined };
  }
  if (typeof written !== 'string')
    return { ok: false, problem: `date must be text such as 2024-04-17 (written: ${JSON.stringify(written)})` };
  const text = latinDigits(written.trim());
  const ymd = yearFirst.exec(text);
  if (ymd) return withTime(calendarDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), written), ymd[4] ?? '', written);
  const dmy = dayFirstDotted.exec(text);
  if (dmy) return withTime(calendarDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), written), dmy[4] ?? '', written);
  const other = numericOther.exec(text);
  if (other) {
    const [first, second, year] = [Number(other[1]), Number(other[2]), Number(other[3])];
    if (first !== second && first <= 12 && second <= 12) {
      return {
        ok: false,
        problem: `date "${written}" could be ${monthDay(year, first, second)} or ${monthDay(year, second, first)}; write it year first, as ${iso(year, first, second)} or ${iso(year, second, first)}`,
      };
    }
    const [month, day] = first > 12 ? [second, first] : [first, second];
    return withTime(calendarDay(year, month, day, written), other[4] ?? '', written);
  }
  return writtenOut(text, written, lang);
}

/** "3 May 2023", "Wednesday, May 3rd, 2023", "3 мая 2023 г.": one year, one day, one month name. */
function writtenOut(text: string, written: string, lang: string | undefined): DateReading {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[\s,./]+|(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u)
    .filter(Boolean);
  const years = words.filter((word) => /^\d{4}$/.test(word)).map(Number);
  const days = words
    .map((word) => /^(\d{1,2})(?:st|nd|rd|th|er|º|ª|-?го)?$/.exec(word)?.[1])
    .filter((day) => day !== undefined)
    .map(Number);
  const languages = lang ? [primary(lang), 'en'] : monthLanguages;
  const months = new Set(
    words.flatMap((word) =>
      languages
        .map((language) => monthNames(language).get(word.replace(/\.$/, '')))
        .filter((month) => month !== undefined),
    ),
  );
  if (years.length !== 1 || days.length !== 1 || months.size !== 1) {
    return {
      ok: false,
      problem: `date must be written as YYYY-MM-DD, e.g. 2024-04-17, or written out in the article's language ("${written}" is neither)`,
    };
  }
  let year = years[0]!;
  // Thai dates are written in the Buddhist era (2566 = 2023).
  if (year > 2400 && (lang === undefined || primary(lang) === 'th')) year -= 543;
  return calendarDay(year, [...months][0]!, days[0]!, written);
}

function withTime(day: DateReading, rest: string, written: string): DateReading {
  if (!day.ok || rest.trim() === '') return day;
  const time = timeAndZone.exec(rest);
  if (!time)
    return {
      ok: false,
      problem: `date "${written}" has more than a date and a time; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+01:00`,
    };
  const [hours, minutes, seconds = '00'] = time[1]!.split(':');
  if (Number(hours) > 23 || Number(minutes) > 59)
    return { ok: false, problem: `date "${written}" has no such time of day` };
  const zoneWritten = time[2]?.toUpperCase();
  // Kept only with its zone: a time of day without one names no moment (W3CDTF, and so EPUB, needs it).
  if (!zoneWritten) return day;
  const zone =
    zoneWritten === 'Z' || zoneWritten === 'UTC' || zoneWritten === 'GMT'
      ? 'Z'
      : zoneWritten.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return { ok: true, date: day.date, dateTime: `${day.date}T${hours!.padStart(2, '0')}:${minutes}:${seconds}${zone}` };
}

function calendarDay(year: number, month: number, day: number, written: string): DateReading {
  const date = iso(year, month, day);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date))
    return { ok: false, problem: 'date is not a real calendar date' };
  if (year < 1800 || year > 2200)
    return {
      ok: false,
      problem: `date "${written}" is in the year ${year}; write it in the Gregorian calendar as YYYY-MM-DD`,
    };
  return { ok: true, date, dateTime: undefined };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthDay(year: number, month: number, day: number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** Any script's decimal digits (Persian ۳, Arabic-Indic ٣, Devanagari ३, Thai ๓…) as 0–9. */
export function latinDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    // Each script's digits are a run of ten code points from its zero (runs that touch are only mathematical ones).
    let zero = code;
    while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String(code - zero);
  });
}

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}

const monthTables = new Map<string, Map<string, number>>();

/** Lower-case month names (long, short, and as they are written inside a date, e.g. Russian "мая") → 1–12. */
export function monthNames(lang: string): Map<string, number> {
  let table = monthTables.get(lang);
  if (table) return table;
  table = new Map();
  monthTables.set(lang, table);
  // Not a language tag (front matter's lang is checked after the date is read): no month names to match.
  if (!isLanguageTag(lang)) return table;
  const locale = `${lang}-u-ca-gregory-nu-latn`;
  const formats = [
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ];
  for (let month = 1; month <= 12; month++) {
    for (const format of formats) {
      const parts = format.formatToParts(new Date(Date.UTC(2023, month - 1, 15)));
      for (const [index, part] of parts.entries()) {
        if (part.type !== 'month') continue;
        // Letters written onto the month belong to its word: Hebrew "במאי" (in May).
        const attached =
          /\p{L}+$/u.exec(parts[index - 1]?.type === 'literal' ? parts[index - 1]!.value : '')?.[0] ?? '';
        for (const form of new Set([part.value, attached + part.value])) addMonth(table, form, month);
      }
    }
  }
  for (const [name, month] of table) if (Number.isNaN(month)) table.delete(name);
  return table;
}

function isLanguageTag(lang: string): boolean {
  try {
    new Intl.Locale(`${lang}-u-ca-gregory-nu-latn`);
    return true;
  } catch {
    return false;
  }
}

function addMonth(table: Map<string, number>, written: string, month: number): void {
  const name = written.toLowerCase().normalize('NFC').replace(/\.$/, '');
  // A name two months share (none should) would make the date ambiguous: keep neither.
  if (/\p{L}/u.test(name)) table.set(name, table.has(name) && table.get(name) !== month ? Number.NaN : month);
}
