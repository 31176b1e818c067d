// MDX bodies as imprint's Markdown (readMdx): heading anchors and attribute lists dropped in linear time, and
// every line of the result traced to the line it was written on, so that messages name the file's lines even
// where a one-line component became a block of three.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../../src/article/article.js';
import { fileLineOf, loadArticle } from '../../../src/article/load-article.js';
import { readMdx } from '../../../src/article/mdx.js';
import type { ImprintError } from '../../../src/errors.js';

describe('readMdx', () => {
  it('drops {#id} anchors and {: …} lists, keeping every line', () => {
    const { markdown, writtenLines } = readMdx('# Title {#intro}\n\n{: .lead}\nText.\n## Two {#two}  \n');
    expect(markdown).toBe('# Title\n\n\nText.\n## Two\n');
    expect(writtenLines).toEqual([0, 1, 2, 3, 4, 5]);
    // Saved with CRLF (Windows): the same, each line keeping its \r.
    expect(readMdx('# Title {#intro}\r\n\r\n{: .lead}\r\nText.\r\n').markdown).toBe('# Title\r\n\r\n\r\nText.\r\n');
  });

  it('reads a heading line of 300,000 spaces without backtracking over it', () => {
    const line = `# a${' '.repeat(300_000)}b`;
    expect(readMdx(`${line}\n\nText.\n`).markdown).toBe(`${line}\n\nText.\n`);
    expect(readMdx(`# a${' '.repeat(300_000)}{#id}\n`).markdown).toBe('# a\n');
  });

  it('traces each line of the Markdown to the line it was written on', () => {
    const written = ['<Note>Mind the gap.</Note>', '', '<YouTube id="abc" />', '', 'Last line.'].join('\n');
    const { markdown, writtenLines } = readMdx(written);
    const lines = markdown.split('\n');
    const last = lines.indexOf('Last line.');
    expect(last).toBeGreaterThan(4); // the video became a block of several lines
    expect(writtenLines[last]).toBe(4);
    expect(writtenLines[lines.indexOf('::: video https://www.youtube.com/watch?v=abc')]).toBe(2);
  });
});

describe('line numbers of an MDX article', () => {
  const post = (lead: string[]) =>
    [
      '---',
      'title: T',
      'publication: P',
      'date: 2024-01-01',
      ...lead,
      '---',
      'import X from "./x";',
      '',
      '<Note>Mind the gap.</Note>',
      '<YouTube id="abc" title="The quay" />',
      '',
      '![A ferry](missing.jpg)',
      '',
    ].join('\n');
  const bodyLineOf = (body: string, text: string) => body.slice(0, body.indexOf(text)).split('\n').length - 1;

  it('name the line a missing photo is written on, after a one-line video that became a block of four', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'imprint-mdx-')), 'post.mdx');
    await writeFile(path, post([]));
    const error = (await prepareArticle(await loadArticle(path)).catch((e: unknown) => e)) as ImprintError;
    expect(error.message).toMatch(/missing\.jpg/);
    expect(error.location).toMatchObject({ file: path, line: 11 });
  });

  it('stay right with a lead photo from the front matter before the body', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'imprint-mdx-')), 'post.mdx');
    await writeFile(path, post(['image: lead.jpg', 'caption: The quay']));
    const source = await loadArticle(path);
    expect(source.body.startsWith('::: figure')).toBe(true);
    expect(fileLineOf(source, bodyLineOf(source.body, '![A ferry]'))).toBe(13);
    expect(fileLineOf(source, bodyLineOf(source.body, '::: video'))).toBe(11);
  });
});

describe('labels an MDX article prints', () => {
  it("use the house style's video label over the built-in one", async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'imprint-mdx-')), 'post.mdx');
    await writeFile(
      path,
      '---\ntitle: T\npublication: P\ndate: 2024-01-01\n---\n<YouTube id="abc" title="The quay" />\n',
    );
    const source = await loadArticle(path);
    const builtIn = await prepareArticle(source);
    expect(builtIn.bodyHtml).toContain('Video: The quay');
    const own = await prepareArticle(source, undefined, false, undefined, undefined, [
      { en: { video: 'Watch: {title}' } },
    ]);
    expect(own.bodyHtml).toContain('Watch: The quay — <a href="https://www.youtube.com/watch?v=abc">');
  });
});
