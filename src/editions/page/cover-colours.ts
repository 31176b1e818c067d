// The EPUB cover's colours: imprint's own (those the cover's stylesheet had when Chromium drew it), and
// those a theme's cover.css sets on the cover's parts. The cover is drawn without a browser now (cover.ts), so
// of a theme's cover.css only plain colours are read: background and color on .cover, color on each part,
// border-bottom-color on .cover-publication (as in CSS, the
// parts with a colour of their own keep it when .cover's changes). Anything else in it has no effect (the README says so).
import { readFile } from 'node:fs/promises';

export interface CoverColours {
  background: string;
  publication: string;
  rule: string;
  title: string;
  subtitle: string;
  date: string;
  credit: string;
}

export const defaultCoverColours: CoverColours = {
  background: '#f4efe6',
  publication: '#1a1a1a',
  rule: '#1a1a1a',
  title: '#1a1a1a',
  subtitle: '#1a1a1a',
  date: '#444444',
  credit: '#444444',
};

/** A colour safe to write into SVG and hand to sharp: hex, a name, rgb()/rgba()/hsl(). */
const plainColour = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla)\([\d.,%\s/]+\))$/i;

const parts = {
  '.cover': ['title', 'subtitle', 'publication'],
  '.cover-publication': ['publication'],
  '.cover-title': ['title'],
  '.cover-subtitle': ['subtitle'],
  '.cover-date': ['date'],
  '.cover-credit': ['credit'],
} as const satisfies Record<string, readonly (keyof CoverColours)[]>;

/** The colours, with a theme's cover.css (already checked when the theme loaded) applied in its order. */
export async function coverColours(themeCoverCss: string | undefined): Promise<CoverColours> {
  const colours = { ...defaultCoverColours };
  if (!themeCoverCss) return colours;
  // css-tree loads only for a theme with a cover.css (~0.1 s a build without one does not pay).
  const csstree = await import('css-tree');
  const ast = csstree.parse(await readFile(themeCoverCss, 'utf8'));
  csstree.walk(ast, {
    visit: 'Rule',
    enter(rule) {
      const selectors = csstree.generate(rule.prelude).split(',');
      rule.block.children.forEach((declaration) => {
        if (declaration.type !== 'Declaration') return;
        const value = csstree.generate(declaration.value).trim();
        if (!plainColour.test(value)) return;
        for (const selector of selectors) {
          const part = selector.trim() as keyof typeof parts;
          const targets: readonly (keyof CoverColours)[] | undefined = parts[part];
          if (!targets) continue;
          const property = declaration.property;
          if (part === '.cover' && (property === 'background' || property === 'background-color'))
            colours.background = value;
          else if (property === 'color') {
            for (const target of targets) colours[target] = value;
          } else if (part === '.cover-publication' && /^border(-bottom)?-color$/.test(property)) colours.rule = value;
        }
      });
    },
  });
  return colours;
}
