// Soft hyphens for the print edition, inserted at build time from the article language's patterns (headless
// Chromium here has no hyphenation dictionaries, so CSS `hyphens: auto` does nothing). Never inside code,
// links, URLs, e-mail addresses or entities; the headline and furniture are not passed here at all.
import { nextTurn } from '../../render/deadline.js';

export type Hyphenate = (text: string) => string;

/** Language tag → the hyphen package's pattern module (TeX patterns). */
const patterns: Record<string, string> = {
  en: 'en-us',
  'en-gb': 'en-gb',
  de: 'de-1996',
  fr: 'fr',
  es: 'es',
  it: 'it',
  pt: 'pt',
  nl: 'nl',
  pl: 'pl',
  cs: 'cs',
  sk: 'sk',
  sv: 'sv',
  da: 'da',
  nb: 'nb',
  no: 'no',
  fi: 'fi',
  hu: 'hu',
  ro: 'ro',
  tr: 'tr',
  hr: 'hr',
  sl: 'sl',
  et: 'et',
  lv: 'lv',
  lt: 'lt',
  ru: 'ru',
  uk: 'uk',
  be: 'be',
  bg: 'bg',
  sr: 'sr-cyrl',
  mk: 'mk',
  el: 'el-monoton',
  hy: 'hy',
  ka: 'ka',
};

/** The hyphenator for `lang`, or undefined when there are no patterns for it (the text is then set ragged). */
export async function hyphenatorFor(lang: string): Promise<Hyphenate | undefined> {
  const tag = lang.toLowerCase();
  const module = patterns[tag] ?? patterns[tag.split('-')[0] ?? ''];
  if (!module) return undefined;
  let hyphenator = hyphenators.get(module);
  if (!hyphenator) {
    const { hyphenateSync } = ((await import(`hyphen/${module}/index.js`)) as typeof import('hyphen/*')).default;
    hyphenators.set(module, (hyphenator = remembered((word) => keepLigatures(hyphenateSync(word, hyphenOptions)))));
  }
  return hyphenator;
}

const hyphenOptions = { hyphenChar: '\u00AD', minWordLength: 6 };
const hyphenators = new Map<string, Hyphenate>();
/** Words remembered per language: a batch of news articles repeats most of its words, and patterns cost per letter. */
const rememberedWords = 50_000;

function remembered(hyphenate: Hyphenate): Hyphenate {
  const known = new Map<string, string>();
  return (word) => {
    let hyphenated = known.get(word);
    if (hyphenated === undefined) {
      if (known.size >= rememberedWords) known.clear();
      known.set(word, (hyphenated = hyphenate(word)));
    }
    return hyphenated;
  };
}

/**
 * No soft hyphen between an f and a letter it joins with (ff, fi, fl, ffi, ffl): Chromium forms the ligature
 * across it, and pdf.js (Firefox's viewer) then reads that glyph as nothing, so "office" could not be found.
 */
function keepLigatures(text: string): string {
  return text.replace(/(?<=f)\u00AD(?=[fijlt])/g, '');
}

// Captions are short and set ragged; soft hyphens in the spaced capitals of a credit would split its text runs.
// Headings are never hyphenated: they are set ragged, and they become the PDF's bookmarks, whose titles
// must not carry soft hyphens.
const skippedElements = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
/** URLs, paths, e-mail addresses, HTML entities: break them and they stop working. */
const unbreakable = /[:/@\\&_]|^www\./i;
/**
 * Longer than any word of any language (German compounds stay under 80 letters): a pasted blob or a minified
 * line, which the patterns would take quadratic time over. Left whole; the page's overflow-wrap breaks it.
 */
export const longestHyphenatedWord = 100;

/** Hyphenates the text of well-formed HTML (markdown-it's output), leaving tags and skipped elements alone. */
export async function hyphenateHtml(html: string, hyphenate: Hyphenate): Promise<string> {
  let skipping = 0;
  const parts = html.split(/(<[^>]+>)/);
  let turn = performance.now();
  for (let i = 0; i < parts.length; i++) {
    // A long article takes a second or more: in pieces, so that a timeout or a signal is not kept waiting.
    if (performance.now() - turn > 20) {
      await nextTurn();
      turn = performance.now();
    }
    const part = parts[i]!;
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(part);
    if (tag) {
      const name = tag[2]!.toLowerCase();
      if (skippedElements.has(name) && !part.endsWith('/>')) skipping += tag[1] ? -1 : 1;
      continue;
    }
    if (skipping > 0) continue;
    parts[i] = part.replace(/\S+/g, (word) =>
      word.length > longestHyphenatedWord || unbreakable.test(word) ? word : hyphenate(word),
    );
  }
  return parts.join('');
}
