// YAML front matter and config checked against a schema: values out, and every problem at its file:line:col.
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../../src/article/front-matter.js';
import { parseYamlData } from '../../../src/data/yaml-data.js';
import { ImprintError } from '../../../src/errors.js';

const required = 'title: Ferries return\ndate: 2024-04-17\npublication: The Harbour Times\n';
// Front matter starts on the file's line 2, after the opening ---.
const parse = (text: string) =>
  parseYamlData({ text, file: 'content/a.md', what: 'front matter', firstLine: 2 }, frontMatterSchema);
function problem(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImprintError);
    return (error as ImprintError).describe();
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseYamlData', () => {
  it('returns the checked data with its defaults', () => {
    expect(parse(required)).toEqual({
      title: 'Ferries return',
      date: '2024-04-17',
      publication: 'The Harbour Times',
      byline: [],
      translators: [],
      tags: [],
      credits: [],
    });
  });

  it('reads dates as the text written, not as Date objects (core schema, no tags)', () => {
    expect(parse(required).date).toBe('2024-04-17');
    // An unknown tag is no code: the value stays the text written.
    expect(parse(`${required}rights: !!js/function "x"`).rights).toBe('x');
  });

  it('points a misspelt field at its own line with a suggestion', () => {
    expect(problem(`${required}titel: Other\n`)).toBe(
      'content/a.md:5:1: unknown front matter field "titel"\n  Did you mean "title"?',
    );
  });

  it('points a bad value at its key, nested keys at their column', () => {
    expect(problem('title: T\ndate: 2024-02-30\npublication: P\n')).toBe(
      'content/a.md:3:1: front matter field "date": date is not a real calendar date',
    );
    expect(problem(`${required}tags:\n  - harbour\n  - "  "\n`)).toBe(
      'content/a.md:5:1: front matter field "tags": tag must not be empty',
    );
  });

  it('puts a missing field at the start of the front matter, with the line to add', () => {
    expect(problem('title: T\ndate: 2024-04-17\n')).toBe(
      'content/a.md:2:1: front matter is missing the required field "publication"\n  Add a line "publication: …".',
    );
    expect(problem('')).toMatch(/^content\/a\.md:2:1: front matter is missing the required field "title"/);
  });

  it('reports a YAML syntax error at the file’s line, not the YAML’s', () => {
    expect(problem('title: T\ntitle: U\n')).toMatch(
      /^content\/a\.md:3:1: front matter is not valid YAML: Map keys must be unique\n {2}Fix the YAML syntax/,
    );
    expect(problem('title: "Ferries\ndate: x')).toMatch(/^content\/a\.md:3:\d+: front matter is not valid YAML: /);
  });

  it('refuses a list or a plain value, listing the fields it could have', () => {
    const described = problem('- title\n- date\n');
    expect(described).toMatch(/^content\/a\.md:2:1: front matter must be a list of "field: value" lines/);
    expect(described).toContain('Known fields: title, subtitle, date, publication');
  });
});
