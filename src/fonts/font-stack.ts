// Which bundled fonts an article needs, chosen by the characters it contains (not only by its language):
// each character goes to the first font, in the order the page's font-family lists them, that has a glyph
// for it, as Chromium's own fallback does; a character no bundled font has is reported, never left to the
// machine's fonts (or to a box). Only the fonts of the scripts present are loaded, so a Latin page pays
// for nothing else.
import { pathToFileURL } from 'node:url';
import { characterSet, draws, type FontFace, facesOf } from './font-faces.js';
import { baseFonts, candidateSystems, type FontPackage, ownSystem, type WritingSystem } from './writing-systems.js';

export interface MissingGlyph {
  char: string;
  codePoint: number;
}

export interface FontChoice {
  /** Fontsource stylesheets (module paths) the page links: the base faces, then the scripts' own. */
  stylesheets: string[];
  /** font-family lists for running text and for headings, captions and page furniture. */
  textFamilies: string[];
  sansFamilies: string[];
  /** The writing systems whose fonts draw some of the text, in font-family order. */
  systems: WritingSystem[];
  /** An @font-face for colour emoji limited to the emoji the page has room for (see emojiFace). */
  extraCss: string;
  missing: MissingGlyph[];
}

/** Stylesheets every page links, as before world scripts came: Latin, Cyrillic, Greek, and Armenian. */
const baseStylesheets = [
  '@fontsource/noto-serif/400.css',
  '@fontsource/noto-serif/400-italic.css',
  '@fontsource/noto-serif/700.css',
  '@fontsource/noto-serif/700-italic.css',
  '@fontsource/noto-sans/400.css',
  '@fontsource/noto-sans/400-italic.css',
  '@fontsource/noto-sans/600.css',
  '@fontsource/noto-serif-armenian/400.css',
  '@fontsource/noto-serif-armenian/700.css',
];

/**
 * Characters that draw nothing of their own: controls, format characters (joiners, bidi marks, soft
 * hyphens), variation selectors, spaces (Chromium sets a thin or narrow no-break space, U+2009 or U+202F,
 * which French text is full of, as a space of the face's own even where its font has no such glyph);
 * and what is not text at all (lone surrogates, noncharacters), which the
 * editions drop as XML forbids it.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed on their own, as code points to skip.
const drawsNothing = /[\p{Cc}\p{Cf}\p{Cs}\p{Zs}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

export function fontsFor(text: string, lang: string): FontChoice {
  const own = ownSystem(lang);
  const base = facesCandidate(undefined, baseFonts.text);
  const scripts = candidateSystems(lang).map((system) =>
    system.id === 'emoji' ? emojiCandidate(system, base) : facesCandidate(system, system.text),
  );
  const emoji = scripts.find((candidate) => candidate.system?.id === 'emoji')!;
  const first = scripts.find((candidate) => candidate.system === own);
  // Colour emoji first (only pictographs the text face lacks), then the article's own script's face (its
  // punctuation and Latin match its letters), the base text face, and every other script's.
  const order = [
    emoji,
    ...(first ? [first] : []),
    base,
    ...scripts.filter((candidate) => candidate !== emoji && candidate !== first),
  ];

  const used = new Set<Candidate>();
  const missing: MissingGlyph[] = [];
  for (const char of new Set(text)) {
    if (char === ' ' || char === '\n' || drawsNothing.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    const found = order.find((candidate) => candidate.draws(codePoint));
    if (found) used.add(found);
    else missing.push({ char, codePoint });
  }
  const chosen = order.filter((candidate) => candidate === base || candidate === first || used.has(candidate));
  const systems = chosen.flatMap((candidate) => (candidate.system ? [candidate.system] : []));
  const families = (pick: (system: WritingSystem) => FontPackage, baseFamily: string) => [
    ...new Set(chosen.map((candidate) => (candidate.system ? pick(candidate.system).family : baseFamily))),
  ];
  const linked = systems.filter((system) => system.id !== 'emoji').flatMap((system) => [system.text, system.sans]);
  return {
    stylesheets: [
      ...new Set([
        ...baseStylesheets,
        ...linked.flatMap((font) => font.weights.map((weight) => `${font.module}/${weight}.css`)),
      ]),
    ],
    textFamilies: families((system) => system.text, baseFonts.text.family),
    sansFamilies: families((system) => system.sans, baseFonts.sans.family),
    systems,
    extraCss: used.has(emoji) ? emoji.css() : '',
    missing,
  };
}

interface Candidate {
  system: WritingSystem | undefined;
  draws: (codePoint: number) => boolean;
  css: () => string;
}

/** A font's faces are read only when a character reaches it: a Latin page never parses the Han stylesheets. */
function facesCandidate(system: WritingSystem | undefined, font: FontPackage): Candidate {
  let faces: FontFace[] | undefined;
  return {
    system,
    draws: (codePoint) => (faces ??= regularFaces(font)).some((face) => draws(face, codePoint)),
    css: () => '',
  };
}

function regularFaces(font: FontPackage): FontFace[] {
  const stylesheet = font.family === 'Noto Color Emoji' ? `${font.module}/emoji-400.css` : `${font.module}/400.css`;
  return facesOf(stylesheet).filter((face) => face.style === 'normal');
}

const pictograph = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u20E3\u{E0020}-\u{E007F}]/u;

/**
 * Colour emoji for pictographs only, and only those the base text face has no glyph for: the emoji font
 * also has digits, "#", "©" and arrows, which must stay the text's. Its @font-face is imprint's own, with
 * that range, which also keeps Chromium from loading the 5.8 MB font for every character the faces before
 * it lack; its cmap is read only when the text has a pictograph.
 */
function emojiCandidate(system: WritingSystem, base: Candidate): Candidate {
  const face = () => regularFaces(system.text)[0]!;
  const emoji = (codePoint: number) =>
    codePoint > 0x7f && pictograph.test(String.fromCodePoint(codePoint)) && !base.draws(codePoint);
  return {
    system,
    draws: (codePoint) => emoji(codePoint) && characterSet(face()).has(codePoint),
    css: () =>
      fontFaceRule({ ...face(), ranges: toRanges([...characterSet(face())].filter(emoji).concat(0x200d, 0xfe0f)) }),
  };
}

function toRanges(codePoints: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const codePoint of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return ranges;
}

function fontFaceRule(face: FontFace): string {
  const range = face.ranges
    ?.map(([from, to]) => (from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`))
    .join(',');
  return `@font-face { font-family: '${face.family}'; font-style: normal; font-weight: 400; src: url("${pathToFileURL(face.path).href}") format('woff2');${range ? ` unicode-range: ${range};` : ''} }`;
}
