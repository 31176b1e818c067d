// Dates, numbers and lists of names in an article's language, from CLDR through Node's Intl. Dates are
// Gregorian and numbers in the language's usual digits (Persian ۱۲, Bengali ১২, Egyptian Arabic ١٢) unless
// imprint.yaml's `calendar:` or `numerals:` says otherwise; page numbers get the CSS counter style that prints
// the same digits.
// (Intl on its own would date Persian articles in the Solar Hijri calendar and Thai ones in the Buddhist era.)
import * as v from 'valibot';

/** Calendars imprint.yaml may name: CLDR's identifiers, as Intl takes them. */
export const calendars = [
  'gregory',
  'persian',
  'buddhist',
  'islamic-umalqura',
  'islamic',
  'islamic-civil',
  'islamic-tbla',
  'islamic-rgsa',
  'hebrew',
  'indian',
  'japanese',
  'roc',
  'chinese',
  'dangi',
  'coptic',
  'ethiopic',
  'ethioaa',
] as const;
export type Calendar = (typeof calendars)[number];

/** Each decimal numbering system imprint.yaml may name (CLDR's identifier) and the CSS counter style with its digits. */
const counterStyles = {
  latn: 'decimal',
  arab: 'arabic-indic',
  arabext: 'persian',
  deva: 'devanagari',
  beng: 'bengali',
  guru: 'gurmukhi',
  gujr: 'gujarati',
  orya: 'oriya',
  tamldec: 'tamil',
  telu: 'telugu',
  knda: 'kannada',
  mlym: 'malayalam',
  thai: 'thai',
  laoo: 'lao',
  tibt: 'tibetan',
  mymr: 'myanmar',
  khmr: 'khmer',
  mong: 'mongolian',
  hanidec: 'cjk-decimal',
} as const;
export type Numerals = keyof typeof counterStyles;
export const numeralSystems = Object.keys(counterStyles) as Numerals[];

/** The publication's choices (imprint.yaml, carried by HouseStyle); unset, each language's usual ones. */
export interface DateSettings {
  calendar?: Calendar | undefined;
  numerals?: Numerals | undefined;
}

export const calendarSchema = v.picklist(calendars, `calendar must be one of ${calendars.join(', ')}`);
export const numeralsSchema = v.picklist(numeralSystems, `numerals must be one of ${numeralSystems.join(', ')}`);

/**
 * "2025-03-07" as the language writes a date in full: "7 March 2025", "2025年3月7日", "۷ مارس ۲۰۲۵". The calendar
 * is `settings.calendar`, else the tag's own (`th-u-ca-buddhist`), else Gregorian; the digits are
 * `settings.numerals`, else the tag's (`-u-nu-`), else the language's usual ones.
 */
export function displayDate(isoDate: string, lang: string, settings: DateSettings = {}): string {
  return dateFormat(lang, settings).format(parseIsoDate(isoDate));
}

/** A number in the language's usual digits, or in `numerals`. */
export function formatNumber(n: number, lang: string, numerals?: Numerals): string {
  return numberFormat(lang, numerals).format(n);
}

/** The CSS counter style for page numbers in the language's usual digits (or `numerals`): `counter(page, persian)`. */
export function counterStyleFor(lang: string, numerals?: Numerals): string {
  const system = numerals ?? numberFormat(lang, undefined).resolvedOptions().numberingSystem;
  return (counterStyles as Record<string, string>)[system] ?? 'decimal';
}

/** How a page footer numbers its pages: the counter style, and its ten digits (which the fonts must cover). */
export function pageNumbering(lang: string, numerals?: Numerals): { counterStyle: string; digits: string } {
  return { counterStyle: counterStyleFor(lang, numerals), digits: formatNumber(1234567890, lang, numerals) };
}

/** Names joined as the language joins them ("A, B and C", "A، B و C"): Intl.ListFormat's conjunction. */
export function nameList(lang: string): Intl.ListFormat {
  let format = listFormats.get(lang);
  if (!format) listFormats.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
  return format;
}

// Intl's formatters are slow to make and a build formats the same few over and over.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function dateFormat(lang: string, { calendar, numerals }: DateSettings): Intl.DateTimeFormat {
  const key = `${lang}|${calendar ?? ''}|${numerals ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      dateStyle: 'long',
      timeZone: 'UTC',
      calendar: calendar ?? tagCalendar(lang) ?? 'gregory',
    };
    if (numerals) options.numberingSystem = numerals;
    format = new Intl.DateTimeFormat(lang, options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(lang: string, numerals: Numerals | undefined): Intl.NumberFormat {
  const key = `${lang}|${numerals ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, numerals ? { numberingSystem: numerals } : {});
    numberFormats.set(key, format);
  }
  return format;
}

/** The calendar a tag asks for itself (`-u-ca-…`), if any. */
function tagCalendar(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).calendar;
  } catch {
    return undefined; // Intl.DateTimeFormat says what is wrong with the tag.
  }
}

/** "2025-03-07" is that day (UTC); a full ISO date-time is read as written. */
function parseIsoDate(isoDate: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 date: "${isoDate}"`);
  return date;
}
