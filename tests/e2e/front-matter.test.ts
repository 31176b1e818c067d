// Front matter: YAML (or Hugo's TOML), validated; every error names the file, the line and what to do.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/article/load-article.js';
import { ImprintError } from '../../src/errors.js';

const valid = 'title: A title\ndate: 2024-04-17\npublication: The Paper\n';

async function load(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-fm-'));
  const path = join(dir, 'my-story.md');
  await writeFile(path, text);
  return { path, result: loadArticle(path) };
}

async function failure(text: string): Promise<{ error: ImprintError; path: string }> {
  const { path, result } = await load(text);
  const error = await result.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImprintError);
  return { error: error as ImprintError, path };
}

describe('valid front matter', () => {
  it('gives typed fields, defaults and the slug from the file name', async () => {
    const { result } = await load(`---\n${valid}byline: Ann Lee\ncredits: AFP contributed reporting.\n---\n\nBody.\n`);
    const article = await result;
    expect(article.meta).toMatchObject({
      title: 'A title',
      date: '2024-04-17',
      lang: 'en',
      byline: ['Ann Lee'],
      credits: ['AFP contributed reporting.'],
      tags: [],
    });
    expect(article.slug).toBe('my-story');
    expect(article.bodyLine).toBe(8);
    expect(article.body).toBe('\nBody.\n');
  });

  it('reads TOML between +++ lines as Hugo writes it: dates, lists, and fields under [params]', async () => {
    const toml =
      '+++\ntitle = "A title"\ndate = 2024-04-17T09:30:00+02:00\npublication = "The Paper"\nauthors = ["Ann Lee", "Bo Chan"]\n\n[params]\nsubtitle = "Under params"\n+++\n\nBody.\n';
    const article = await (await load(toml)).result;
    expect(article.meta).toMatchObject({
      title: 'A title',
      date: '2024-04-17',
      byline: ['Ann Lee', 'Bo Chan'],
      subtitle: 'Under params',
    });
    expect(article.dateTime).toBe('2024-04-17T09:30:00+02:00');
    expect(article.bodyLine).toBe(10);
    expect(article.body).toBe('\nBody.\n');
  });

  it('takes the slug from front matter when given', async () => {
    const { result } = await load(`---\n${valid}slug: kremlin-confirms\n---\nBody.\n`);
    expect((await result).slug).toBe('kremlin-confirms');
  });
});

describe('bad front matter', () => {
  const cases: { name: string; text: string; message: RegExp; line: number; hint?: RegExp }[] = [
    {
      name: 'a misspelt field',
      text: `---\n${valid}titel: x\n---\n`,
      message: /unknown front matter field "titel"/,
      line: 5,
      hint: /Did you mean "title"/,
    },
    {
      name: 'a misspelt publication',
      text: `---\ntitle: A\ndate: 2024-04-17\npublicaton: P\n---\n`,
      message: /unknown front matter field "publicaton"/,
      line: 4,
      hint: /Did you mean "publication"/,
    },
    {
      name: 'a missing required field',
      text: '---\ntitle: A\ndate: 2024-04-17\n---\n',
      message: /missing the required field "publication"/,
      line: 2,
      hint: /Add a line "publication: …"/,
    },
    {
      name: 'an empty title',
      text: '---\ntitle: ""\ndate: 2024-04-17\npublication: P\n---\n',
      message: /"title": title must not be empty/,
      line: 2,
    },
    {
      name: 'a date that is not a date',
      text: '---\ntitle: A\ndate: April 17\npublication: P\n---\n',
      message: /date must be written as YYYY-MM-DD/,
      line: 3,
    },
    {
      name: 'an impossible date',
      text: '---\ntitle: A\ndate: 2024-02-30\npublication: P\n---\n',
      message: /not a real calendar date/,
      line: 3,
    },
    {
      name: 'malformed YAML',
      text: '---\ntitle: A\ndate: [2024\npublication: P\n---\n',
      message: /not valid YAML: Flow sequence .* end with a \]$/,
      line: 4,
    },
    { name: 'a list instead of fields', text: '---\n- title\n---\n', message: /"field: value" lines/, line: 2 },
    {
      name: 'neither front matter nor a title heading',
      text: 'Just a paragraph.\n',
      message: /no front matter/,
      line: 1,
      hint: /level-1 heading/,
    },
    {
      name: 'an ambiguous date',
      text: '---\ntitle: A\ndate: 03/05/2023\npublication: P\n---\n',
      message: /could be 5 March or 3 May; write it year first/,
      line: 3,
    },
    {
      name: 'a title heading but no date anywhere',
      text: '# Just a heading\n\nText.\n',
      message: /no date: the file has no front matter/,
      line: 1,
      hint: /start its file name with the date/,
    },
    {
      name: 'a JavaScript front matter block',
      text: '---js\n{ title: (() => { throw new Error("ran") })() }\n---\n',
      message: /front matter must be YAML or TOML, not "---js"/,
      line: 1,
      hint: /never code.*It was not run/,
    },
    {
      name: 'a misspelt TOML field',
      text: '+++\ntitle = "A"\ndate = 2024-04-17\npublication = "P"\ntitel = "x"\n+++\n',
      message: /unknown front matter field "titel"/,
      line: 5,
      hint: /Did you mean "title"/,
    },
    {
      name: 'a bad TOML value under [params]',
      text: '+++\ntitle = "A"\ndate = 2024-04-17\npublication = "P"\n[params]\nsource = "themoscowtimes"\n+++\n',
      message: /source must be a full URL/,
      line: 6,
    },
    {
      name: 'malformed TOML',
      text: '+++\ntitle = "A"\ndate = = 2024-04-17\n+++\n',
      message: /not valid TOML: /,
      line: 3,
      hint: /TOML syntax/,
    },
    {
      name: 'a duplicated TOML field',
      text: '+++\ntitle = "A"\ntitle = "B"\n+++\n',
      message: /not valid TOML: /,
      line: 3,
    },
    {
      name: 'a bad page size',
      text: `---\n${valid}page: a5\n---\n`,
      message: /page must be a4, letter, or a trim size such as "6in x 9in"/,
      line: 5,
    },
    {
      name: 'a source that is not a URL',
      text: `---\n${valid}source: themoscowtimes\n---\n`,
      message: /source must be a full URL/,
      line: 5,
    },
    {
      name: 'a duplicated field',
      text: `---\n${valid}title: again\n---\n`,
      message: /not valid YAML.*unique/i,
      line: 5,
    },
  ];

  for (const { name, text, message, line, hint } of cases) {
    it(`reports ${name} with file and line`, async () => {
      const { error, path } = await failure(text);
      expect(error.message).toMatch(message);
      expect(error.location).toMatchObject({ file: path, line });
      if (hint) expect(error.hint).toMatch(hint);
      expect(error.describe()).toContain(`${path}:${line}`);
    });
  }
});
