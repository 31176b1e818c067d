// No tofu, ever: every character an article prints is checked against the bundled fonts before anything is
// rendered. A character that none of them has stops the article at its line and column, with its code
// point, instead of printing as an empty box (and vanishing from the text layer).
import { Parser } from 'htmlparser2';
import { ImprintError } from '../errors.js';
import { fontsFor, type MissingGlyph } from './font-stack.js';
import { writingSystems } from './writing-systems.js';

/** The text of an HTML fragment, as it is drawn (tags dropped, entities decoded). */
export function htmlText(html: string): string {
  let text = '';
  const parser = new Parser({ ontext: (chunk) => void (text += chunk) }, { decodeEntities: true });
  parser.end(html);
  return text;
}

/** Throws rule `missing-glyph` for the first character of `text` no bundled font draws, placed in `source`. */
export function checkGlyphs(text: string, lang: string, source: { path: string; text: string }): void {
  const { missing } = fontsFor(text, lang);
  if (missing.length === 0) return;
  const [first] = missing as [MissingGlyph, ...MissingGlyph[]];
  throw new ImprintError(
    `no bundled font has ${describeMissing(missing)}: ${missing.length === 1 ? 'it' : 'they'} would print as empty boxes`,
    { file: source.path, ...locate(source.text, first.char) },
    `imprint prints ${[...new Set(writingSystems.map((system) => system.name))].join(', ')}, Latin, Cyrillic and Greek; write this text in one of them, or leave the character out.`,
    { rule: 'missing-glyph' },
  );
}

/** `"ສ" (U+0EAA), "ະ" (U+0EB0)`: the first eight characters, and how many more. */
export function describeMissing(missing: readonly MissingGlyph[]): string {
  const shown = missing
    .slice(0, 8)
    .map(({ char, codePoint }) => `"${char}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`);
  return `${shown.join(', ')}${missing.length > 8 ? ` and ${missing.length - 8} more` : ''}`;
}

/** Line and column (1-based, in characters) of the first `char` in `text`; nothing when it is not there. */
function locate(text: string, char: string): { line?: number; column?: number } {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const at = lines[index]!.indexOf(char);
    if (at >= 0) return { line: index + 1, column: Array.from(lines[index]!.slice(0, at)).length + 1 };
  }
  return {};
}
