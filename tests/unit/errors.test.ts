// The ImprintError family: file:line:col messages with a hint, and anything thrown attributed to its file.
import { describe, expect, it } from 'vitest';
import { attributeTo, formatLocation, ImprintError } from '../../src/errors.js';

describe('ImprintError', () => {
  it('describes itself as file:line:col: message, with the hint on the next line', () => {
    const error = new ImprintError(
      'unknown front matter field "titel"',
      { file: 'content/a.md', line: 3, column: 1 },
      'Did you mean "title"?',
      { rule: 'front-matter' },
    );
    expect(error.describe()).toBe('content/a.md:3:1: unknown front matter field "titel"\n  Did you mean "title"?');
    expect(error.rule).toBe('front-matter');
    expect(new ImprintError('no file').describe()).toBe('no file');
  });

  it('formats a location with what is known of it', () => {
    expect(formatLocation({ file: 'a.md' })).toBe('a.md');
    expect(formatLocation({ file: 'a.md', line: 4 })).toBe('a.md:4');
    expect(formatLocation({ file: 'a.md', line: 4, column: 2 })).toBe('a.md:4:2');
  });
});

describe('attributeTo', () => {
  it('names the file in anything thrown, keeping a location that is already there', () => {
    const plain = attributeTo('content/a.md', new Error('boom'));
    expect(plain.describe()).toBe('content/a.md: boom');
    expect(plain.cause).toBeInstanceOf(Error);
    expect(attributeTo('content/a.md', 'a string').describe()).toBe('content/a.md: a string');
    const located = new ImprintError('bad', { file: 'imprint.yaml', line: 2 });
    expect(attributeTo('content/a.md', located)).toBe(located);
    const unlocated = attributeTo('content/a.md', new ImprintError('bad', undefined, 'fix it', { rule: 'r' }));
    expect([unlocated.describe(), unlocated.rule]).toEqual(['content/a.md: bad\n  fix it', 'r']);
  });
});
