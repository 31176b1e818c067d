// Lines for the covers imprint draws itself: where they may break, in scripts with and without spaces, and
// how a title too long for its lines is cut.
import { describe, expect, it } from 'vitest';
import { balancedWrap, breakPieces, cutWithEllipsis, wrap } from '../../../../src/editions/page/line-breaks.js';

/** Every character one unit wide: what matters here is where the lines break. */
const count = (line: string) => [...line].length;

describe('break opportunities', () => {
  it('breaks after spaces in English, never inside a word', () => {
    expect(breakPieces('Convoy leaves the corridor', 'en')).toEqual(['Convoy ', 'leaves ', 'the ', 'corridor']);
  });

  it('breaks between Chinese words but never before 、，。 or a closing quote, nor after an opening one', () => {
    const pieces = breakPieces('台风过境后，东港码头“全面”恢复作业。', 'zh-Hans');
    expect(pieces.join('')).toBe('台风过境后，东港码头“全面”恢复作业。');
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(1)) expect(piece).not.toMatch(/^[，。”、]/);
    for (const piece of pieces.slice(0, -1)) expect(piece).not.toMatch(/“$/);
  });

  it("breaks Thai between the dictionary's words, which have no spaces between them", () => {
    const pieces = breakPieces('เรือเฟอร์รี่ไปเกาะสมุทรคราม', 'th');
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('เรือเฟอร์รี่ไปเกาะสมุทรคราม');
  });

  it('keeps a Korean word whole (Korean breaks at spaces)', () => {
    expect(breakPieces('서해신항 운송노조 파업', 'ko')).toEqual(['서해신항 ', '운송노조 ', '파업']);
  });
});

describe('lines', () => {
  it('fills lines greedily and balances them to the same count', () => {
    const pieces = breakPieces('aaaa bbbb cccc dddd', 'en');
    expect(wrap(pieces, 15, count)).toEqual(['aaaa bbbb cccc', 'dddd']);
    expect(balancedWrap(pieces, 15, count)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('breaks a word wider than the line between grapheme clusters, never inside one', () => {
    const lines = wrap(['👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦'], 8, count);
    expect(lines.join('')).toBe('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦');
    for (const line of lines) expect(line).toMatch(/^(👩‍👩‍👧‍👦)+$/u);
  });

  it('cuts lines past the count with an ellipsis that fits the measure', () => {
    const lines = wrap(breakPieces('one two three four five six seven eight', 'en'), 10, count);
    const cut = cutWithEllipsis(lines, 2, 10, count);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    for (const line of cut) expect(count(line)).toBeLessThanOrEqual(10);
  });
});
