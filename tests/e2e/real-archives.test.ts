// Real archives as their sites wrote them (tests/fixtures/real-archives): MDX posts from React's blogs, a
// translated Kubernetes post, personal blogs in Persian, Hebrew, Thai and Khmer, a Chinese weekly and an
// MkDocs page without front matter, built into every edition with only the publication in imprint.yaml.
// Then remote photos, from a local server the test starts: refused unless allowed, fetched once, cached.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { imprint, type Run } from '../helpers/imprint.js';
import { pdfPageTexts } from '../helpers/pdf.js';

const slugs = [
  '2023-angkor',
  'a-year-of-writing',
  'first-post',
  'first-trip',
  'getting-started',
  'introducing-react-dev',
  'issue-1',
  'kubernetes-1-27-release',
  'the-plan-for-react-18',
];

async function copyOf(fixture: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-real-'));
  await cp(resolve('tests/fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** The folder as a git repository with one commit of a known date (what an MkDocs page without a date gets). */
function commitAll(dir: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: '2022-11-05T10:00:00+01:00',
    GIT_COMMITTER_DATE: '2022-11-05T10:00:00+01:00',
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.org',
  };
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
    ['commit', '-qm', 'posts'],
  ])
    execFileSync('git', args, { cwd: dir, env });
}

const oneLine = (text: string) => text.replaceAll('\u00AD', '').replace(/\s+/g, ' ');

describe('posts from five sites, in eight languages, built as they are', () => {
  let dir: string;
  let run: Run;
  const out = (slug: string, name: string) => join(dir, 'output', slug, name);
  const epub = async (slug: string) => epubFiles(await readFile(out(slug, `${slug}.epub`)));
  const opfValues = async (slug: string, tag: string) =>
    Array.from(
      parseXml((await epub(slug)).get('OEBPS/content.opf')!).getElementsByTagName(tag),
      (element) => element.textContent,
    );

  beforeAll(async () => {
    dir = await copyOf('real-archives');
    commitAll(dir);
    run = await imprint(['build', '.'], dir);
  }, 400_000);

  it('builds every post and says, once, what it left out', async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('9 built, 0 unchanged.');
    expect((await readdir(join(dir, 'output'))).filter((name) => !name.includes('.')).sort()).toEqual(slugs);
    for (const note of [
      "note: README.md: left out (a repository's notes, not an article)",
      'note: fields imprint does not know, left out: origin (2), title_kh (1)',
      'note: react/blog/2021-06-08-the-plan-for-react-18.md: components with no meaning in print kept their text and lost their tags: <ConsoleBlockMulti>, <Kbd>',
      'note: weekly/2024-01-05-issue-1.md: no front matter; its first heading is its title',
    ]) {
      expect(run.stderr).toContain(note);
    }
    expect(run.stderr).not.toContain('error');
  });

  it('passes EPUBCheck with no message for every post', async () => {
    for (const slug of slugs) expect([slug, await epubcheck(out(slug, `${slug}.epub`))]).toEqual([slug, []]);
  }, 600_000);

  it('dates each post as it was written: slashes, dots, a zone, Thai and Persian words, the file name, the last commit', async () => {
    const dates: Record<string, string> = {
      '2023-angkor': '2023-05-03',
      'a-year-of-writing': '2023-05-03',
      'first-post': '2022-09-01',
      'first-trip': '2023-05-03',
      'getting-started': '2022-11-05',
      'introducing-react-dev': '2023-03-16',
      'issue-1': '2024-01-05',
      'kubernetes-1-27-release': '2023-05-03T09:00:00+03:00',
      'the-plan-for-react-18': '2021-06-08',
    };
    for (const slug of slugs) expect([slug, await opfValues(slug, 'dc:date')]).toEqual([slug, [dates[slug]]]);
  });

  it("prints bylines and translators as names, in the post's language, with the translator a contributor (trl)", async () => {
    expect(await opfValues('the-plan-for-react-18', 'dc:creator')).toEqual([
      'Andrew Clark',
      'Brian Vaughn',
      'Rick Hanlon',
    ]);
    expect(await opfValues('kubernetes-1-27-release', 'dc:creator')).toEqual([
      'Боб Киллен (CNCF)',
      'Анна Смирнова (Google)',
    ]);
    const opf = (await epub('kubernetes-1-27-release')).get('OEBPS/content.opf')!;
    expect(opf).toMatch(
      /<dc:contributor id="translator-0">Михаил Иванов<\/dc:contributor>\s*<meta refines="#translator-0" property="role" scheme="marc:relators">trl<\/meta>/,
    );
    expect(await opfValues('kubernetes-1-27-release', 'dc:source')).toContain(
      'https://kubernetes.io/ru/blog/2023/05/03/kubernetes-1-27-release/',
    );
    const russian = oneLine(
      (await pdfPageTexts(await readFile(out('kubernetes-1-27-release', 'kubernetes-1-27-release.pdf')))).join(' '),
    );
    expect(russian).toContain('Автор: Боб Киллен (CNCF) и Анна Смирнова (Google)');
    expect(russian).toContain('Перевод: Михаил Иванов');
    const korean = await readFile(out('introducing-react-dev', 'index.html'), 'utf8');
    expect(korean).toContain('<p class="translator-credit">번역: 정재남</p>');
  });

  it('keeps a byline name written as a link a link, in the PDF, the EPUB and the web page', async () => {
    const slug = 'kubernetes-1-27-release';
    const links = [
      ['Боб Киллен', 'https://github.com/mybobbytables'],
      ['Анна Смирнова', 'https://github.com/annasmirnova'],
    ];
    const chapter = parseXml((await epub(slug)).get('OEBPS/article.xhtml')!);
    const web = parseHTML(await readFile(out(slug, 'index.html'), 'utf8')).document;
    for (const document of [chapter, web]) {
      const byline = document.querySelector('.byline')!;
      expect(byline.textContent).toBe('Автор: Боб Киллен (CNCF) и Анна Смирнова (Google)');
      expect([...byline.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual(links);
    }
    // The print edition links each name to the address, and says where the link goes (PDF/UA's /Contents).
    const pdf = await PDFDocument.load(await readFile(out(slug, `${slug}.pdf`)));
    const uris = pdf
      .getPages()[0]!
      .node.Annots()!
      .asArray()
      .map((ref) => pdf.context.lookup(ref, PDFDict))
      .map((annotation) => [
        annotation.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'), PDFString).decodeText(),
        annotation.lookup(PDFName.of('Contents'), PDFString, PDFHexString).decodeText(),
      ]);
    for (const [, url] of links) expect(uris).toContainEqual([url, url]);
  });

  it('leaves no component, expression, import or anchor syntax in any edition', async () => {
    for (const slug of slugs) {
      const chapter = parseXml((await epub(slug)).get('OEBPS/article.xhtml')!).querySelector('article')!.textContent!;
      const pdf = (await pdfPageTexts(await readFile(out(slug, `${slug}.pdf`)))).join('\n');
      const web =
        parseHTML(await readFile(out(slug, 'index.html'), 'utf8')).document.querySelector('article')?.textContent ?? '';
      for (const [edition, text] of [
        ['epub', chapter],
        ['pdf', pdf],
        ['web', web],
      ])
        expect([slug, edition, /[<>{}]|\/\*|^import /m.exec(text!)?.[0]]).toEqual([slug, edition, undefined]);
    }
  });

  it("makes MDX components imprint's blocks: the standfirst, asides with their titles, a video line with a QR code in print", async () => {
    const chapter = parseXml((await epub('the-plan-for-react-18')).get('OEBPS/article.xhtml')!);
    expect(chapter.querySelector('.standfirst')?.textContent).toBe(
      'The React team is excited to share a few updates: we have started work on React 18, our next major version.',
    );
    expect(Array.from(chapter.querySelectorAll('aside .aside-title'), (title) => title.textContent)).toEqual([
      'For library maintainers',
      'Why a gradual adoption strategy?',
    ]);
    expect(oneLine(chapter.querySelector('.video')!.textContent!)).toBe(
      'Video: React Conf 2021 Keynote — https://www.youtube.com/watch?v=FZ0cG47msEk',
    );
    expect(chapter.querySelector('.video svg')).toBeNull();
    // The print PDF carries the QR code as a tagged figure whose alternative text names the address.
    const pdf = await PDFDocument.load(await readFile(out('the-plan-for-react-18', 'the-plan-for-react-18.pdf')), {
      updateMetadata: false,
    });
    const alts = pdf.context.enumerateIndirectObjects().flatMap(([, object]) => {
      const alt = object instanceof PDFDict ? object.get(PDFName.of('Alt')) : undefined;
      return alt instanceof PDFString || alt instanceof PDFHexString ? [alt.decodeText()] : [];
    });
    expect(alts).toContain('QR code: https://www.youtube.com/watch?v=FZ0cG47msEk');
    const persian = parseXml((await epub('a-year-of-writing')).get('OEBPS/article.xhtml')!);
    expect(persian.querySelectorAll('aside')).toHaveLength(2); // <Note>, and <Callout>, an aside too
    expect(persian.querySelector('.article-body')!.textContent).toContain(
      'از همهٔ خوانندگانی که نامه نوشتند سپاسگزارم.',
    );
  });

  it("resolves site links against the source's site, and prints them as text where there is none", async () => {
    const links = Array.from(
      parseXml((await epub('kubernetes-1-27-release')).get('OEBPS/article.xhtml')!).querySelectorAll('.article-body a'),
      (a) => a.getAttribute('href'),
    );
    expect(links).toEqual([
      'https://kubernetes.io/docs/concepts/overview/',
      'https://kubernetes.io/ru/blog/2023/05/03/kubernetes-1-26-release/',
    ]);
    const react = parseXml((await epub('the-plan-for-react-18')).get('OEBPS/article.xhtml')!);
    expect(Array.from(react.querySelectorAll('.article-body a'), (a) => a.getAttribute('href'))).toEqual([
      'https://react.dev/blog/2022/03/08/react-18-upgrade-guide',
      'https://www.youtube.com/watch?v=FZ0cG47msEk',
    ]);
    expect(react.querySelector('.article-body')!.textContent).toContain(
      'Read more in the working group and in the upgrade guide.',
    );
    const check = await imprint(['check', 'thai'], dir);
    expect(check.stdout + check.stderr).toContain(
      'thai/first-trip.md:9:1  site-link  link "หน้าเกี่ยวกับฉัน" goes to the site path "/about/"',
    );
  });

  it('titles a file without front matter by its first heading, which leaves the body', async () => {
    expect(await opfValues('issue-1', 'dc:title')).toEqual(['科技周刊 第1期：新年的开始']);
    expect(await opfValues('issue-1', 'dc:language')).toEqual(['zh-Hans']);
    expect(parseXml((await epub('issue-1')).get('OEBPS/article.xhtml')!).querySelectorAll('h1')).toHaveLength(1);
    expect(await opfValues('getting-started', 'dc:title')).toEqual(['Getting started']);
  });

  it("refuses unknown fields under --strict, and a misspelt field of imprint's always, with its did-you-mean", async () => {
    const strict = await imprint(['build', 'khmer', '--strict', '--formats', 'epub', '--out', 'strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error: khmer/2023-angkor.md: unknown front matter field "title_kh"');
    await writeFile(join(dir, 'misspelt.md'), '---\ntitle: A\ndate: 2023/05/03\npublicaton: P\n---\nText.\n');
    const misspelt = await imprint(['build', 'misspelt.md', '--formats', 'epub', '--out', 'misspelt'], dir);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain(
      'error: misspelt.md:4:1: unknown front matter field "publicaton"\n  Did you mean "publication"?',
    );
    await writeFile(join(dir, 'ambiguous.md'), '---\ntitle: A\ndate: 03/05/2023\n---\nText.\n');
    const ambiguous = await imprint(['build', 'ambiguous.md', '--formats', 'epub', '--out', 'ambiguous'], dir);
    expect(ambiguous.stderr).toContain(
      'date "03/05/2023" could be 5 March or 3 May; write it year first, as 2023-03-05 or 2023-05-03',
    );
  });
});

describe('remote photos, from a server the test starts', () => {
  let server: Server;
  let host: string;
  let requests: string[];
  let photo: Buffer;

  beforeAll(async () => {
    photo = await readFile(resolve('tests/fixtures/hugo-blog/content/blog/harbour-reopens/harbour.jpg'));
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/photo.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
      else if (request.url === '/page')
        response.writeHead(200, { 'content-type': 'text/html' }).end('<p>not a photo</p>');
      else if (request.url === '/elsewhere')
        response
          .writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/photo.jpg` })
          .end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  async function weekly(photoPath: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-remote-'));
    await writeFile(join(dir, 'imprint.yaml'), 'defaults:\n  publication: 科技周刊\n  lang: zh\n');
    await writeFile(
      join(dir, '2024-01-12-issue-2.md'),
      `# 科技周刊 第2期\n\n本期的封面照片来自港口。\n\n::: figure\n![港口里停靠的货船](http://${host}${photoPath})\n清晨的港口。 **汤姆·贝克**\n:::\n\n下周再见。\n`,
    );
    return dir;
  }

  it('is an error naming the photo and the setting that allows it, until the publisher allows its host', async () => {
    const dir = await weekly('/photo.jpg');
    const refused = await imprint(['build', '.', '--formats', 'epub'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `2024-01-12-issue-2.md:6: image "http://${host}/photo.jpg" is a remote URL; imprint fetches photos only from hosts the publisher allows`,
    );
    expect(refused.stderr).toContain(`images: { fetch: [${host}] }`);
    expect(requests).toEqual([]);
  });

  it('is downloaded once into the cache, recorded in the manifest, and every later build is offline and byte-identical', async () => {
    const dir = await weekly('/photo.jpg');
    await writeFile(
      join(dir, 'imprint.yaml'),
      `defaults:\n  publication: 科技周刊\n  lang: zh\nimages:\n  fetch: ["${host}"]\n`,
    );
    const first = await imprint(['build', '.', '--formats', 'pdf,epub,html', '--out', 'first'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/error|warning/);
    expect(requests).toEqual(['/photo.jpg']);
    const manifest = (name: string) =>
      readFile(join(dir, name, 'manifest.json'), 'utf8').then(
        (text) =>
          JSON.parse(text) as {
            articles: Record<
              string,
              { article: { remotePhotos: unknown }; editions: { path: string; sha256: string }[] }
            >;
          },
      );
    const built = (await manifest('first')).articles['issue-2']!;
    expect(built.article.remotePhotos).toEqual([
      { url: `http://${host}/photo.jpg`, sha256: createHash('sha256').update(photo).digest('hex') },
    ]);
    const chapter = parseXml(
      (await epubFiles(await readFile(join(dir, 'first/issue-2/issue-2.epub')))).get('OEBPS/article.xhtml')!,
    );
    expect(chapter.querySelector('figure img')?.getAttribute('alt')).toBe('港口里停靠的货船');
    expect(chapter.querySelector('figure .credit')?.textContent).toBe('汤姆·贝克');
    expect(await epubcheck(join(dir, 'first/issue-2/issue-2.epub'))).toEqual([]);

    const again = await imprint(['build', '.', '--formats', 'pdf,epub,html', '--out', 'again'], dir);
    expect(again.code).toBe(0);
    expect(requests).toEqual(['/photo.jpg']);
    const hashes = async (name: string) =>
      (await manifest(name)).articles['issue-2']!.editions.map(({ path, sha256 }) => [path, sha256]);
    expect(await hashes('again')).toEqual(await hashes('first'));
  }, 180_000);

  it('is refused when it is not a photo, or when a redirect leads to a private address not listed', async () => {
    for (const [path, message] of [
      ['/page', 'is served as "text/html", not as a JPEG, PNG, WebP or GIF photo'],
      ['/elsewhere', 'redirects to localhost'],
    ] as const) {
      const dir = await weekly(path);
      await writeFile(
        join(dir, 'imprint.yaml'),
        `defaults:\n  publication: 科技周刊\n  lang: zh\nimages:\n  fetch: ["${host}"]\n`,
      );
      const refused = await imprint(['build', '.', '--formats', 'epub'], dir);
      expect([path, refused.code, refused.stderr.includes(message)]).toEqual([path, 1, true]);
    }
  });
});
