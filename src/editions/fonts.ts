// The bundled fonts (Fontsource packages of Google's Noto, SIL Open Font License 1.1).
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Print and cover: Noto Serif for text (Latin, Cyrillic, Greek), Noto Sans for furniture, Noto Serif Armenian. */
const stylesheetModules = [
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

/** The font packages themselves (@fontsource/…), whose versions are part of every article's fingerprint. */
export const fontPackages = [...new Set(stylesheetModules.map((module) => module.split('/').slice(0, 2).join('/')))];

/** The folders of the font packages, which rendered pages may read. */
export function fontPackageDirs(): string[] {
  return [...new Set(stylesheetModules.map((module) => dirname(require.resolve(module))))];
}

export function fontStylesheetUrls(): string[] {
  return stylesheetModules.map((module) => pathToFileURL(require.resolve(module)).href);
}

export interface EmbeddedFont {
  path: string;
  filename: string;
  weight: 400 | 700;
  family: string;
  unicodeRange: string;
}

/**
 * E-reader fonts, embedded only where they help: reading systems bring fonts for Latin, Cyrillic and Greek,
 * but many (Kindle, older Kobo firmware) have no Armenian, so an article with Armenian text carries it.
 */
const armenian = { family: 'Noto Serif Armenian', test: /[\u0530-\u058F\uFB13-\uFB17]/u, unicodeRange: 'U+0530-058F, U+FB13-FB17' };

export function fontsToEmbed(text: string): EmbeddedFont[] {
  if (!armenian.test.test(text)) return [];
  return ([400, 700] as const).map((weight) => {
    const path = require.resolve(`@fontsource/noto-serif-armenian/files/noto-serif-armenian-armenian-${weight}-normal.woff2`);
    return { path, filename: basename(path), weight, family: armenian.family, unicodeRange: armenian.unicodeRange };
  });
}

/** The OFL text that must travel with any embedded copy of the fonts. */
export function fontLicencePath(): string {
  return join(dirname(require.resolve('@fontsource/noto-serif-armenian/package.json')), 'LICENSE');
}

/** @font-face rules for the embedded fonts, and the family list that puts them before the reader's serif. */
export function embeddedFontCss(fonts: readonly EmbeddedFont[]): string {
  if (fonts.length === 0) return '';
  const faces = fonts.map(
    (font) => `@font-face { font-family: "${font.family}"; font-weight: ${font.weight}; src: url("fonts/${font.filename}") format("woff2"); unicode-range: ${font.unicodeRange}; }`,
  );
  const families = [...new Set(fonts.map((font) => `"${font.family}"`))].join(', ');
  return `${faces.join('\n')}\nbody { font-family: ${families}, serif; }\n`;
}
