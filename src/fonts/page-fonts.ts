// A print page's fonts as the page needs them: the stylesheets it links (only those of the scripts its text
// has), and the font-family lists print.css reads from --text-font and --sans-font.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ImprintError } from '../errors.js';
import { fontsFor } from './font-stack.js';
import { describeMissing } from './missing-glyphs.js';

const require = createRequire(import.meta.url);

export interface PageFonts {
  stylesheetUrls: string[];
  /** Custom properties and imprint's own emoji face; empty for a page the default lists serve. */
  css: string;
  /** Colour emoji are drawn: their font is the one Type 3 font the PDF may have. */
  drawsEmoji: boolean;
}

/**
 * `text` is everything the page prints. The article's own words were checked when it was loaded
 * (missing-glyph); what can still lack a font here is imprint's: a label from imprint.yaml or a theme.
 */
export function pageFonts(text: string, lang: string): PageFonts {
  const choice = fontsFor(text, lang);
  if (choice.missing.length > 0) {
    throw new ImprintError(
      `no bundled font has ${describeMissing(choice.missing)}, which the page's labels or date would print as empty boxes`,
      undefined,
      "Check the labels for this language under labels: in imprint.yaml and in the theme's labels.yaml.",
      { rule: 'missing-glyph' },
    );
  }
  const list = (families: string[], generic: string) =>
    [...families.map((family) => `'${family}'`), generic].join(', ');
  const onlyBase = choice.systems.every((system) => system.id === 'armenian');
  return {
    stylesheetUrls: choice.stylesheets.map((module) => pathToFileURL(require.resolve(module)).href),
    css: onlyBase
      ? ''
      : [
          `:root { --text-font: ${list(choice.textFamilies, 'serif')}; --sans-font: ${list(choice.sansFamilies, 'sans-serif')}; }`,
          choice.extraCss,
        ]
          .filter(Boolean)
          .join('\n'),
    drawsEmoji: choice.systems.some((system) => system.id === 'emoji'),
  };
}
