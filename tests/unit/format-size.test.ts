// File sizes as people read them in the build's report: decimal units, as file managers show them.
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/format-size.js';

describe('formatSize', () => {
  it('writes bytes, kB to one decimal and MB to two', () => {
    expect([0, 812, 999, 1000, 33_500, 999_949, 2_410_000].map(formatSize)).toEqual([
      '0 B',
      '812 B',
      '999 B',
      '1.0 kB',
      '33.5 kB',
      '999.9 kB',
      '2.41 MB',
    ]);
  });
});
