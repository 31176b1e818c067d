// Posts as real sites write them, read by loadArticle (no browser): dates as people write them, files without
// front matter, Markdown in bylines, site generators' names for fields, translators and unknown fields.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../../src/article/load-article.js';
import type { ImprintError } from '../../../src/errors.js';

async function write(name: string, text: string, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'imprint-archive-')));
  const path = join(root, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe('dates as people write them', () => {
  it("reads slashes, dots, a time with its zone, and a date written out in the article's language", async () => {
    const cases: [string, string, string | undefined][] = [
      ['date: 2023/05/03', '2023-05-03', undefined],
      ['date: 2023.05.03', '2023-05-03', undefined],
      ['date: 2023/05/03 09:30 +0200', '2023-05-03', '2023-05-03T09:30:00+02:00'],
      ['date: 3 мая 2023\nlang: ru', '2023-05-03', undefined],
      ['date: 2023年5月3日\nlang: ja', '2023-05-03', undefined],
    ];
    for (const [field, date, dateTime] of cases) {
      const article = await loadArticle(
        await write('post.md', `---\ntitle: T\npublication: P\n${field}\n---\nText.\n`),
      );
      expect([field, article.meta.date, article.dateTime]).toEqual([field, date, dateTime]);
    }
  });

  it('takes the date from the start of the file name in any folder', async () => {
    const article = await loadArticle(
      await write(
        'blog/2021/2021-06-08-the-plan-for-react-18.md',
        '---\ntitle: The Plan for React 18\npublication: P\n---\nText.\n',
      ),
    );
    expect([article.meta.date, article.slug]).toEqual(['2021-06-08', 'the-plan-for-react-18']);
  });

  it("else from the file's last commit, the same on every checkout", async () => {
    const root = await mkdtemp(join(tmpdir(), 'imprint-git-'));
    const path = await write('docs/harbour.md', '# The harbour reopens\n\nThe harbour reopened on Saturday.\n', root);
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: '2022-11-05T10:00:00+01:00',
          GIT_COMMITTER_DATE: '2022-11-05T10:00:00+01:00',
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.org',
        },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'post');
    const article = await loadArticle(path, undefined, { publication: 'P' });
    expect(article.meta.date).toBe('2022-11-05');
    expect(article.notes.join('\n')).toContain('its date that of its last commit (2022-11-05)');
  });
});

describe('a file without front matter', () => {
  it('is an article when its first block is a level-1 heading: the heading is its title and leaves the body', async () => {
    const path = await write('2024-03-01-issue-12.md', '\n# 第十二期 {#issue-12}\n\n本周的新闻很多。\n');
    const article = await loadArticle(path, undefined, { publication: '周刊', lang: 'zh' });
    expect(article.meta).toMatchObject({ title: '第十二期', date: '2024-03-01', publication: '周刊' });
    expect(article.body).toBe('\n本周的新闻很多。\n');
    expect(article.bodyLine).toBe(3);
  });

  it('reads a setext heading too', async () => {
    const article = await loadArticle(
      await write('2024-03-01-x.md', 'The *harbour* reopens\n=====\n\nText.\n'),
      undefined,
      { publication: 'P' },
    );
    expect(article.meta.title).toBe('The harbour reopens');
  });
});

describe('fields as sites write them', () => {
  it('prints bylines and translators as names, maps canonicalUrl to source, and leaves unknown fields out by name', async () => {
    const path = await write(
      '2023-05-03-post.md',
      [
        '---',
        'title: Kubernetes 1.27',
        'publication: P',
        'author: "[Bob Killen](https://github.com/mybobbytables) (CNCF), [Jane Doe](https://example.org/jane) (Google)"',
        'translators: ["[Михаил Иванов](https://github.com/mi)"]',
        'canonicalUrl: https://kubernetes.io/blog/2023/05/03/post/',
        'origin: kubernetes.io',
        'title_kh: ចំណងជើង',
        '---',
        'Text.',
        '',
      ].join('\n'),
    );
    const article = await loadArticle(path);
    expect(article.meta.byline).toEqual(['Bob Killen (CNCF)', 'Jane Doe (Google)']);
    expect(article.meta.translators).toEqual(['Михаил Иванов']);
    expect(article.meta.source).toBe('https://kubernetes.io/blog/2023/05/03/post/');
    expect(article.unknownFields).toEqual(['origin', 'title_kh']);
  });

  it("still stops at a field close to one of imprint's, with its did-you-mean", async () => {
    const error = await loadArticle(
      await write('post.md', '---\ntitle: T\ndate: 2023-05-03\npublicaton: P\n---\nText.\n'),
    ).then(
      () => undefined,
      (e: unknown) => e as ImprintError,
    );
    expect([error?.message, error?.hint]).toEqual([
      'unknown front matter field "publicaton"',
      'Did you mean "publication"?',
    ]);
  });
});
