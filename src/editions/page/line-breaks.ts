// Lines for text imprint draws itself (the EPUB cover), measured with the shaped faces that will draw them.
// Break opportunities come from Intl.Segmenter's words (its dictionaries find the words of Thai, Khmer,
// Lao, Myanmar and Han): after a space, and between two words where one is in a script written without
// spaces, except before closing punctuation or small kana and after opening punctuation (the kinsoku rules
// Chromium applies with line-break: strict). A word wider than the line is broken between grapheme clusters.

/** Scripts written without spaces between words: a line may break between any two of their words. */
const unspaced =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303F\uFF00-\uFFEF]/u;
/** What may not begin a line: closing brackets and quotes, stops and commas, small kana, the prolonged sound mark. */
const noStart =
  /^[\p{Pe}\p{Pf}!%),.:;?\]}¢°’”‰′″、。〃々〆〉》」』】〕〗〙〛〞ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ゛゜ゝゞーヽヾ・！％），．：；？］｝｡｣､･ｧ-ｯｰ]/u;
/** What may not end a line: opening brackets and quotes. */
const noEnd = /[\p{Ps}\p{Pi}([{‘“〈《「『【〔〖〘〚〝（［｛｢]$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut where a line may break: each piece keeps the spaces that follow it. */
export function breakPieces(text: string, lang: string): string[] {
  const words = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map(({ segment }) => segment);
  const pieces: string[] = [];
  for (const word of words) {
    const last = pieces.at(-1);
    if (last === undefined || (!/\s$/u.test(last) && !mayBreakBetween(last, word)) || /^\s+$/u.test(word))
      pieces.length === 0 ? pieces.push(word) : (pieces[pieces.length - 1] = last + word);
    else pieces.push(word);
  }
  return pieces;
}

function mayBreakBetween(before: string, after: string): boolean {
  const lastChar = [...before].at(-1) ?? '';
  const firstChar = [...after][0] ?? '';
  if (!unspaced.test(lastChar) && !unspaced.test(firstChar)) return false;
  return !noStart.test(after) && !noEnd.test(before);
}

/** Greedy lines of at most `maxWidth`; a piece wider than a whole line is broken between grapheme clusters. */
export function wrap(pieces: readonly string[], maxWidth: number, width: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => width(candidate.trimEnd()) <= maxWidth;
  for (const piece of pieces) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    if (fits(piece)) {
      line = piece;
      continue;
    }
    for (const { segment } of graphemes.segment(piece)) {
      if (line !== '' && !fits(line + segment)) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += segment;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Lines as even as the greedy count allows (CSS text-wrap: balance): the narrowest measure that keeps that count. */
export function balancedWrap(pieces: readonly string[], maxWidth: number, width: (line: string) => number): string[] {
  const greedy = wrap(pieces, maxWidth, width);
  if (greedy.length < 2) return greedy;
  let [low, high] = [maxWidth / 2, maxWidth];
  let best = greedy;
  for (let step = 0; step < 8; step++) {
    const middle = (low + high) / 2;
    const lines = wrap(pieces, middle, width);
    if (lines.length <= greedy.length) {
      best = lines;
      high = middle;
    } else low = middle;
  }
  return best;
}

/** `lines` cut to `count`, the last one ending in an ellipsis that fits `maxWidth`. */
export function cutWithEllipsis(
  lines: readonly string[],
  count: number,
  maxWidth: number,
  width: (line: string) => number,
): string[] {
  if (lines.length <= count) return [...lines];
  const kept = lines.slice(0, count);
  let last = [...graphemes.segment(`${kept.at(-1)!} ${lines[count]!}`)].map(({ segment }) => segment);
  while (last.length > 0 && width(`${last.join('').trimEnd()}…`) > maxWidth) last = last.slice(0, -1);
  kept[count - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}
