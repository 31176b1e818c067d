// TOML front matter (Hugo's +++): values out, dates as written, and every problem at its file line.
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../../src/article/front-matter.js';
import { parseTomlData } from '../../../src/data/toml-data.js';
import { ImprintError } from '../../../src/errors.js';

const required = 'title = "Ferries return"\ndate = 2024-04-17\npublication = "The Harbour Times"\n';
const parse = (text: string) =>
  parseTomlData({ text, file: 'content/a.md', what: 'front matter', firstLine: 2 }, frontMatterSchema);
function problem(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImprintError);
    return (error as ImprintError).describe();
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseTomlData', () => {
  it('reads a TOML date as the YYYY-MM-DD text it was written as', () => {
    expect(parse(required)).toEqual({
      title: 'Ferries return',
      date: '2024-04-17',
      publication: 'The Harbour Times',
      byline: [],
      translators: [],
      tags: [],
      credits: [],
    });
    expect(parse(`${required}tags = ["harbour", "transport"]\nbyline = "Ana Ruiz"\n`)).toMatchObject({
      tags: ['harbour', 'transport'],
      byline: ['Ana Ruiz'],
    });
  });

  it('points a misspelt or bad field at its line', () => {
    expect(problem(`${required}publicaton = "x"\n`)).toBe(
      'content/a.md:5:1: unknown front matter field "publicaton"\n  Did you mean "publication"?',
    );
    expect(problem(`${required}tags = "harbour"\n`)).toBe(
      'content/a.md:5:1: front matter field "tags": tags must be a list',
    );
    expect(problem('title = "T"\ndate = 2024-04-17T09:30:00Z\npublication = "P"\n')).toBe(
      'content/a.md:3:1: front matter field "date": date must be written as YYYY-MM-DD, e.g. 2024-04-17',
    );
  });

  it('reports a syntax error at the file’s line and column', () => {
    expect(problem('title = Ferries\n')).toMatch(
      /^content\/a\.md:2:\d+: front matter is not valid TOML: .+\n {2}Fix the TOML syntax/,
    );
    expect(problem('title = "T"\n\ndate = = 1\n')).toMatch(/^content\/a\.md:4:\d+: front matter is not valid TOML/);
  });

  it('puts a missing field at the start of the front matter', () => {
    expect(problem('title = "T"\npublication = "P"\n')).toMatch(
      /^content\/a\.md:2:1: front matter is missing the required field "date"/,
    );
  });
});
