// Every writing system imprint prints, in one table: which characters are its own, which bundled font sets
// them (Fontsource's static Noto packages: TrueType outlines, which Chromium embeds as CID TrueType, never
// Type 3), which way it runs, and whether e-readers commonly lack a font for it.

/** A Fontsource package of one family, and the static weights the pages use of it. */
export interface FontPackage {
  module: string;
  family: string;
  weights: readonly number[];
  italic?: boolean;
}

export interface WritingSystem {
  id: string;
  /** Its name in messages ("no bundled font has …"). */
  name: string;
  /** Its characters (the shared punctuation of CJK, Arabic's own digits and marks included). */
  test: RegExp;
  direction: 'ltr' | 'rtl';
  /** The face for running text, then the one for headings, captions and page furniture. */
  text: FontPackage;
  sans: FontPackage;
  /** Han, kana and Hangul: no soft hyphens, no word spaces to stretch, their own line-breaking rules. */
  cjk?: boolean;
  /** Many reading systems (Kindle, older Kobo firmware, Calibre on a bare Linux) have no font for it. */
  embedInEpub: boolean;
}

const textWeights = [400, 600, 700] as const;
const noto = (name: string, weights: readonly number[] = textWeights): FontPackage => ({
  module: `@fontsource/${name.toLowerCase().replace(/ /g, '-')}`,
  family: name,
  weights,
});

/** Latin, Cyrillic and Greek: the base faces every page loads (and their italics). */
export const baseFonts = {
  text: { module: '@fontsource/noto-serif', family: 'Noto Serif', weights: [400, 700], italic: true },
  sans: { module: '@fontsource/noto-sans', family: 'Noto Sans', weights: [400, 600], italic: true },
} as const satisfies Record<string, FontPackage>;

/** Han in its four forms, chosen by the language (see preferredHan): each font has its region's glyph shapes. */
export const hanFonts = {
  'zh-Hans': noto('Noto Sans SC'),
  'zh-Hant': noto('Noto Sans TC'),
  ja: noto('Noto Sans JP'),
  ko: noto('Noto Sans KR'),
} as const;

const cjkPunctuation =
  '\\u3000-\\u303F\\uFF00-\\uFFEF\\u30FB\\u2E80-\\u2FDF\\u31C0-\\u31EF\\u3200-\\u33FF\\uFE30-\\uFE4F';

export const writingSystems: readonly WritingSystem[] = [
  {
    id: 'armenian',
    name: 'Armenian',
    test: /[\p{Script=Armenian}]/u,
    direction: 'ltr',
    text: noto('Noto Serif Armenian', [400, 700]),
    sans: noto('Noto Serif Armenian', [400, 700]),
    embedInEpub: true,
  },
  {
    id: 'georgian',
    name: 'Georgian',
    test: /[\p{Script=Georgian}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Georgian'),
    sans: noto('Noto Sans Georgian'),
    embedInEpub: true,
  },
  {
    id: 'hebrew',
    name: 'Hebrew',
    test: /[\p{Script=Hebrew}]/u,
    direction: 'rtl',
    text: noto('Noto Sans Hebrew'),
    sans: noto('Noto Sans Hebrew'),
    embedInEpub: false,
  },
  {
    id: 'arabic',
    name: 'Arabic',
    test: /[\p{Script=Arabic}]/u,
    direction: 'rtl',
    text: noto('Noto Naskh Arabic'),
    sans: noto('Noto Naskh Arabic'),
    embedInEpub: false,
  },
  {
    id: 'urdu',
    name: 'Urdu (Nastaliq)',
    test: /[\p{Script=Arabic}]/u,
    direction: 'rtl',
    text: noto('Noto Nastaliq Urdu'),
    sans: noto('Noto Nastaliq Urdu'),
    embedInEpub: true,
  },
  {
    id: 'thaana',
    name: 'Thaana',
    test: /[\p{Script=Thaana}]/u,
    direction: 'rtl',
    text: noto('Noto Sans Thaana'),
    sans: noto('Noto Sans Thaana'),
    embedInEpub: true,
  },
  {
    id: 'devanagari',
    name: 'Devanagari',
    test: /[\p{Script=Devanagari}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Devanagari'),
    sans: noto('Noto Sans Devanagari'),
    embedInEpub: false,
  },
  {
    id: 'bengali',
    name: 'Bengali',
    test: /[\p{Script=Bengali}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Bengali'),
    sans: noto('Noto Sans Bengali'),
    embedInEpub: true,
  },
  {
    id: 'tamil',
    name: 'Tamil',
    test: /[\p{Script=Tamil}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Tamil'),
    sans: noto('Noto Sans Tamil'),
    embedInEpub: true,
  },
  {
    id: 'kannada',
    name: 'Kannada',
    test: /[\p{Script=Kannada}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Kannada'),
    sans: noto('Noto Sans Kannada'),
    embedInEpub: true,
  },
  {
    id: 'malayalam',
    name: 'Malayalam',
    test: /[\p{Script=Malayalam}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Malayalam'),
    sans: noto('Noto Sans Malayalam'),
    embedInEpub: true,
  },
  {
    id: 'thai',
    name: 'Thai',
    test: /[\p{Script=Thai}]/u,
    direction: 'ltr',
    text: noto('Noto Serif Thai'),
    sans: noto('Noto Sans Thai'),
    embedInEpub: false,
  },
  {
    id: 'khmer',
    name: 'Khmer',
    test: /[\p{Script=Khmer}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Khmer'),
    sans: noto('Noto Sans Khmer'),
    embedInEpub: true,
  },
  {
    id: 'myanmar',
    name: 'Myanmar',
    test: /[\p{Script=Myanmar}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Myanmar'),
    sans: noto('Noto Sans Myanmar'),
    embedInEpub: true,
  },
  ...(Object.entries(hanFonts) as [keyof typeof hanFonts, FontPackage][]).map(
    ([form, font]): WritingSystem => ({
      id: `han-${form}`,
      name: { 'zh-Hans': 'Chinese (Simplified)', 'zh-Hant': 'Chinese (Traditional)', ja: 'Japanese', ko: 'Korean' }[
        form
      ],
      test: new RegExp(
        `[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}${cjkPunctuation}]`,
        'u',
      ),
      direction: 'ltr',
      text: font,
      sans: font,
      cjk: true,
      embedInEpub: false,
    }),
  ),
  // Emoji in colour (COLRv1: Chromium draws it as vector Type 3, the one Type 3 font imprint allows), and
  // symbols that no text face has, last.
  {
    id: 'emoji',
    name: 'emoji',
    test: /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u,
    direction: 'ltr',
    text: noto('Noto Color Emoji', [400]),
    sans: noto('Noto Color Emoji', [400]),
    embedInEpub: false,
  },
  {
    id: 'symbols',
    name: 'symbols',
    test: /[\p{So}\p{Sm}]/u,
    direction: 'ltr',
    text: noto('Noto Sans Symbols 2', [400]),
    sans: noto('Noto Sans Symbols 2', [400]),
    embedInEpub: false,
  },
];

/**
 * The writing systems whose fonts are tried, in order, for each character of an article in `lang` (as
 * Chromium walks a font-family list): the scripts', then colour emoji (before the Han fonts, which have
 * monochrome emoji of their own), the Han forms with the article's own first, then symbols. Urdu's
 * Nastaliq comes before Naskh for Urdu (and languages written like it), and is left out for the others.
 */
export function candidateSystems(lang: string): WritingSystem[] {
  const byId = (id: string) => writingSystems.find((system) => system.id === id)!;
  const scripts = writingSystems.filter((system) => !system.cjk && !['emoji', 'symbols', 'urdu'].includes(system.id));
  if (/^(ur|ks|sd|pa-arab)\b/i.test(lang)) scripts.splice(scripts.indexOf(byId('arabic')), 0, byId('urdu'));
  const preferred = preferredHan(lang);
  const han = Object.keys(hanFonts).sort((a, b) => Number(b === preferred) - Number(a === preferred));
  return [...scripts, byId('emoji'), ...han.map((form) => byId(`han-${form}`)), byId('symbols')];
}

/** The languages each writing system is the script of, by language tag (for the font an article is set in). */
const languagesOf: Record<string, RegExp> = {
  georgian: /^ka\b/,
  hebrew: /^(he|iw|yi)\b/,
  urdu: /^(ur|ks|sd|pa-arab)\b/,
  arabic: /^(ar|fa|prs|ps|ckb|ug)\b/,
  thaana: /^dv\b/,
  devanagari: /^(hi|mr|ne|sa|mai|bho|kok)\b/,
  bengali: /^(bn|as)\b/,
  tamil: /^ta\b/,
  kannada: /^kn\b/,
  malayalam: /^ml\b/,
  thai: /^th\b/,
  khmer: /^km\b/,
  myanmar: /^my\b/,
  han: /^(zh|ja|ko|yue|cmn)\b/,
};

/**
 * The writing system an article in `lang` is set in throughout, punctuation, digits and Latin words
 * included, so that they match its letters ("«»" in Naskh, full-width quotes in a Han font); undefined for
 * Latin, Cyrillic, Greek and Armenian, whose base faces every page loads and lists first.
 */
export function ownSystem(lang: string): WritingSystem | undefined {
  const tag = lang.toLowerCase();
  const id = Object.entries(languagesOf).find(([, test]) => test.test(tag))?.[0];
  if (id === 'han') return writingSystems.find((system) => system.id === `han-${preferredHan(lang)}`);
  return id === undefined ? undefined : writingSystems.find((system) => system.id === id);
}

/** The Han form a language tag asks for (ja, ko, Traditional for zh-Hant/TW/HK/MO), Simplified otherwise. */
export function preferredHan(lang: string): keyof typeof hanFonts {
  const tag = lang.toLowerCase();
  if (/^ja\b/.test(tag)) return 'ja';
  if (/^ko\b/.test(tag)) return 'ko';
  if (/^(zh|yue|cmn)-(.*-)?(hant|tw|hk|mo)\b/.test(tag) || /^yue\b/.test(tag)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Right-to-left by the language tag's script: ar, fa, ur, he, yi, ps, sd, ug, dv, ckb…, or any tag written -Arab, -Hebr. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const tag = lang.toLowerCase();
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|mand|samr)\b/.test(tag)) return 'rtl';
  if (/-(latn|cyrl)\b/.test(tag)) return 'ltr';
  return /^(ar|arc|ckb|dv|fa|he|iw|ks|prs|ps|sd|ug|ur|yi)\b/.test(tag) ? 'rtl' : 'ltr';
}
