// A print page's fonts as the page needs them: the stylesheets it links (only those of the scripts its text
// has), and the font-family lists print.css reads from --text-font and --sans-font.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { fontsFor } from './font-stack.js';

const require = createRequire(import.meta.url);

export interface PageFonts {
  stylesheetUrls: string[];
  /** Custom properties and imprint's own emoji face; empty for a page the default lists serve. */
  css: string;
  /** Colour emoji are drawn: their font is the one Type 3 font the PDF may have. */
  drawsEmoji: boolean;
}

export function pageFonts(text: string, lang: string): PageFonts {
  const choice = fontsFor(text, lang);
  const list = (families: string[], generic: string) => [...families.map((family) => `'${family}'`), generic].join(', ');
  const onlyBase = choice.systems.every((system) => system.id === 'armenian');
  return {
    stylesheetUrls: choice.stylesheets.map((module) => pathToFileURL(require.resolve(module)).href),
    css: onlyBase ? '' : [`:root { --text-font: ${list(choice.textFamilies, 'serif')}; --sans-font: ${list(choice.sansFamilies, 'sans-serif')}; }`, choice.extraCss].filter(Boolean).join('\n'),
    drawsEmoji: choice.systems.some((system) => system.id === 'emoji'),
  };
}
