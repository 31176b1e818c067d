// Text compared letter for letter, as print sets it: ligatures decomposed (NFKC), and spaces, hyphens (soft
// or hard: print hyphenates) and case (print sets some lines in capitals) left out.
export function letters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00AD\-‐‑]/g, '')
    .toLowerCase();
}
