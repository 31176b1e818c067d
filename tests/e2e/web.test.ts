// The web edition and the download page as a reader meets them in Chromium: every link leads to a file that
// exists, nothing is fetched from anywhere, axe-core finds no WCAG 2.1 A/AA violation, a phone never scrolls
// sideways, and captions and credits show. And `imprint serve`: it serves the files, and an edit shows.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../src/render/browser.js';
import { cli, imprint } from '../helpers/imprint.js';
import { marked } from '../helpers/processes.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const firstSlug = 'russian-peacekeepers-withdrawing-from-nagorno-karabakh';

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Promise<Browser>;
beforeAll(() => {
  browser = launchBrowser();
});
afterAll(() => closeBrowser(browser));

/** Opens a page as a reader would (scripts on, for axe), recording every request that is not a local file. */
async function open(url: string, width = 1024): Promise<{ page: Page; remote: string[] }> {
  const page = await (await browser).newPage();
  const remote: string[] = [];
  page.on('request', (req) => {
    if (!/^(file|data|about):/.test(req.url())) remote.push(req.url());
  });
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, remote };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
      .violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
}

/** Every link and image on the page that points at a local file: the files they name. */
async function localTargets(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => [
    ...Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href),
    ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]'), (link) => link.href),
    ...Array.from(document.images, (image) => image.src),
  ]);
  return urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url.split('#')[0]!));
}

describe('the web edition and the download page', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof imprint>>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-web-'));
    out = join(dir, 'out');
    run = await imprint(
      [
        'build',
        resolve('content'),
        resolve('tests/fixtures/rich'),
        resolve('tests/fixtures/collection/weekend-edition.yaml'),
        '--out',
        out,
      ],
      dir,
    );
  }, 180_000);

  it('writes a page per article beside its editions, and the download page', () => {
    expect(run.code).toBe(0);
    for (const slug of [firstSlug, 'convoy-leaves-the-corridor']) {
      expect(run.stdout).toContain(`${slug}/index.html`);
      expect(existsSync(join(out, slug, 'index.html'))).toBe(true);
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('lists every article on the download page, newest first, with links that all lead to files', async () => {
    const { page, remote } = await open(pathToFileURL(join(out, 'index.html')).href);
    const titles = await page.$$eval('.index-list h2', (headings) => headings.map((h) => h.textContent));
    expect(titles).toEqual([
      'The Weekend Edition',
      'Convoy Leaves the Corridor as Talks Resume',
      'Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms',
    ]);
    // The collection lists its articles, linked to the pages of those that have one, else to their place on its own.
    const members = await page.$$eval('.index-members li', (items) =>
      items.map((li) => [li.textContent, li.querySelector('a')?.getAttribute('href') ?? null]),
    );
    expect(members).toEqual([
      ['Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms', `${firstSlug}/index.html`],
      ['Convoy Leaves the Corridor as Talks Resume', 'convoy-leaves-the-corridor/index.html'],
      ['Peskov, Mitsotakis and Pashinyan Meet', 'weekend-edition/index.html#article-3'],
    ]);
    const targets = await localTargets(page);
    expect(targets.length).toBeGreaterThanOrEqual(2 * 5 + 2); // a page and four editions each, and thumbnails
    for (const target of targets) expect([target, existsSync(target)]).toEqual([target, true]);
    expect(remote).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  for (const [slug, caption, credit, reporting] of [
    [
      firstSlug,
      'A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass.',
      'Valery Sharifulin / TASS',
      'AFP contributed reporting.',
    ],
    [
      'convoy-leaves-the-corridor',
      'The last convoy leaves the Lachin Corridor on Thursday.',
      'Jane Doe / AP',
      'Reuters contributed reporting.',
    ],
  ]) {
    it(`shows ${slug} with its caption and credits, downloads that exist, no request out, no axe violation`, async () => {
      const { page, remote } = await open(pathToFileURL(join(out, slug!, 'index.html')).href);
      const text = await page.$eval('main', (main) => main.textContent ?? '');
      for (const expected of [caption!, credit!, reporting!]) expect(text).toContain(expected);
      const downloads = await page.$$eval('.downloads a', (links) =>
        links.map((a) => [a.getAttribute('href'), a.querySelector('.download-facts')?.textContent]),
      );
      expect(downloads.map(([href]) => href)).toEqual([
        `${slug}.pdf`,
        `${slug}.epub`,
        `${slug}.press.pdf`,
        `${slug}.archival.pdf`,
      ]);
      expect(downloads[0]![1]).toMatch(/^Pages: \d · \d+\.\d kB$/);
      for (const target of await localTargets(page)) expect([target, existsSync(target)]).toEqual([target, true]);
      // Thumbnails load lazily, as a reader scrolls: load them all now.
      await page.evaluate(() =>
        Promise.all(
          Array.from(document.images, (image) => {
            image.loading = 'eager';
            return image.decode().catch(() => undefined);
          }),
        ),
      );
      const images = await page.$$eval('img', (all) =>
        all.map((image) => [image.getAttribute('src'), image.naturalWidth > 0]),
      );
      for (const [src, loaded] of images) expect([src, loaded]).toEqual([src, true]);
      expect(remote).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      const head = await page.evaluate(() => ({
        description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
        ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
        alternates: Array.from(document.querySelectorAll('link[rel="alternate"]'), (link) => link.getAttribute('type')),
        jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<
          string,
          unknown
        >,
        scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
      }));
      expect(head.description).toBeTruthy();
      expect(head.ogTitle).toBe(await page.$eval('h1', (h1) => h1.textContent));
      expect(head.alternates).toEqual([
        'application/pdf',
        'application/epub+zip',
        'application/pdf',
        'application/pdf',
      ]);
      expect(head.jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: head.ogTitle });
      expect(head.scripts).toBe(0);
      await page.close();
    });
  }

  it('shows the collection on one page: contents linking to each article, every caption and credit, downloads, no axe violation', async () => {
    const { page, remote } = await open(pathToFileURL(join(out, 'weekend-edition', 'index.html')).href);
    const contents = await page.$$eval('nav.contents a', (links) =>
      links.map((a) => [
        a.textContent,
        document.querySelector(a.getAttribute('href')!)?.querySelector('h1')?.textContent,
      ]),
    );
    expect(contents).toEqual([
      [
        'Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms',
        'Russian Peacekeepers Withdrawing From Nagorno-Karabakh, Kremlin Confirms',
      ],
      ['Convoy Leaves the Corridor as Talks Resume', 'Convoy Leaves the Corridor as Talks Resume'],
      ['Peskov, Mitsotakis and Pashinyan Meet', 'Peskov, Mitsotakis and Pashinyan Meet'],
    ]);
    expect(await page.$$eval('nav.contents h3', (headings) => headings.map((h) => h.textContent))).toEqual([
      'The region',
      'Names',
    ]);
    const text = await page.$eval('main', (main) => main.textContent ?? '');
    for (const kept of [
      'A Russian peacekeepers’ outpost at an entrance to the Lachin Corridor mountain pass.',
      'Valery Sharifulin / TASS',
      'AFP contributed reporting.',
      'Jane Doe / AP',
      'Reuters contributed reporting.',
    ])
      expect(text).toContain(kept);
    const downloads = await page.$$eval('.downloads a', (links) => links.map((a) => a.getAttribute('href')));
    expect(downloads).toEqual([
      'weekend-edition.pdf',
      'weekend-edition.epub',
      'weekend-edition.press.pdf',
      'weekend-edition.archival.pdf',
    ]);
    for (const target of await localTargets(page)) expect([target, existsSync(target)]).toEqual([target, true]);
    const jsonLd = JSON.parse(
      await page.$eval('script[type="application/ld+json"]', (script) => script.textContent!),
    ) as { '@type': string; hasPart: { headline: string; url: string }[] };
    expect(jsonLd['@type']).toBe('PublicationIssue');
    expect(jsonLd.hasPart.map((part) => part.url)).toEqual(['#article-1', '#article-2', '#article-3']);
    expect(remote).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the photo credit in the NewsArticle data and fits a phone without sideways scrolling', async () => {
    const { page } = await open(pathToFileURL(join(out, 'convoy-leaves-the-corridor/index.html')).href, 360);
    const jsonLd = JSON.parse(
      await page.$eval('script[type="application/ld+json"]', (script) => script.textContent!),
    ) as { image: { creditText: string } };
    expect(jsonLd.image.creditText).toBe('Jane Doe / AP');
    for (const url of [
      page.url(),
      pathToFileURL(join(out, 'index.html')).href,
      pathToFileURL(join(out, firstSlug, 'index.html')).href,
      pathToFileURL(join(out, 'weekend-edition', 'index.html')).href,
    ]) {
      await page.goto(url, { waitUntil: 'load' });
      expect([url, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([
        url,
        true,
      ]);
    }
    await page.close();
  });

  it('keeps the other articles listed when only one is built again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-web-one-'));
    await copyFile(resolve('content', `${firstSlug}.md`), join(dir, 'edited.md'));
    await writeFile(
      join(dir, 'edited.md'),
      (await readFile(join(dir, 'edited.md'), 'utf8')).replace('date: 2024-04-17', 'date: 2024-04-20'),
    );
    expect((await imprint(['build', join(dir, 'edited.md'), '--out', out, '--formats', 'pdf,html'], dir)).code).toBe(0);
    const index = (await readFile(join(out, 'index.html'), 'utf8')).replaceAll('&#x2F;', '/');
    const order = ['edited', 'convoy-leaves-the-corridor', firstSlug].map((slug) =>
      index.indexOf(`<h2><a href="${slug}/index.html">`),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  }, 60_000);
});

/** GET with a raw path (no URL normalisation), for asking the server for what it must refuse. */
function get(port: number, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', fail)
      .end();
  });
}

/** `imprint serve ARGS` in `dir` on a free port, once it serves; `stop` sends Ctrl-C and gives the exit code. */
async function startServe(dir: string, args: string[]) {
  const marker = `IMPRINT_SERVE_${randomUUID().replaceAll('-', '')}`;
  const child = spawn('node', [cli, 'serve', '--port', '0', ...args], {
    cwd: dir,
    env: { ...process.env, [marker]: '1' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const stop = async () => {
    child.kill('SIGINT');
    return exited;
  };
  try {
    const port = await until(() => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1], 60_000).then(Number);
    return { port, marker, output: () => stdout, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

describe('imprint serve', () => {
  it('serves the output, refuses paths outside it, and shows an edited title in the open page; Ctrl-C stops it cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-serve-'));
    await mkdir(join(dir, 'content'));
    await cp(resolve('tests/fixtures/rich'), join(dir, 'content'), { recursive: true });
    const article = join(dir, 'content/convoy-leaves-the-corridor.md');
    const served = await startServe(dir, ['--formats', 'pdf,epub,html']);
    const { port } = served;
    try {
      const page = await get(port, '/convoy-leaves-the-corridor/');
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body.toString()).toContain('EventSource');
      expect(await readFile(join(dir, 'output/convoy-leaves-the-corridor/index.html'), 'utf8')).not.toContain(
        'EventSource',
      );
      const pdf = await get(port, '/convoy-leaves-the-corridor/convoy-leaves-the-corridor.pdf');
      expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
      expect(
        pdf.body.equals(await readFile(join(dir, 'output/convoy-leaves-the-corridor/convoy-leaves-the-corridor.pdf'))),
      ).toBe(true);
      expect((await get(port, '/convoy-leaves-the-corridor/convoy-leaves-the-corridor.epub')).type).toBe(
        'application/epub+zip',
      );
      for (const path of [
        '/../content/convoy-leaves-the-corridor.md',
        '/..%2fcontent%2fconvoy-leaves-the-corridor.md',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/nothing-here',
      ]) {
        expect([path, (await get(port, path)).status]).toEqual([path, 404]);
      }

      const reader = await (await browser).newPage();
      await reader.goto(`http://127.0.0.1:${port}/convoy-leaves-the-corridor/`, { waitUntil: 'load' });
      await writeFile(
        article,
        (await readFile(article, 'utf8')).replace(
          'title: Convoy Leaves the Corridor as Talks Resume',
          'title: Last Convoy Leaves the Corridor',
        ),
      );
      await reader.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'Last Convoy Leaves the Corridor',
        { timeout: 30_000 },
      );
      expect(served.output()).toMatch(/1 built, 0 unchanged in \d+\.\d s; reloading 1 page\./);
      await reader.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output()).toContain('SIGINT: stopping');
    expect(await marked(served.marker)).toEqual([]);
  }, 120_000);

  it('rebuilds a collection when one of its articles changes, wherever that article lives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-serve-collection-'));
    await cp(resolve('tests/fixtures/rich'), join(dir, 'stories'), { recursive: true });
    await mkdir(join(dir, 'issue'));
    await writeFile(
      join(dir, 'issue/weekend.yaml'),
      'collection:\n  title: Weekend\n  date: 2024-04-20\n  publication: Fixture Gazette\n  articles: [../stories/convoy-leaves-the-corridor.md]\n',
    );
    const served = await startServe(dir, ['issue/weekend.yaml', '--formats', 'pdf,html']);
    try {
      const reader = await (await browser).newPage();
      await reader.goto(`http://127.0.0.1:${served.port}/weekend/`, { waitUntil: 'load' });
      const article = join(dir, 'stories/convoy-leaves-the-corridor.md');
      await writeFile(
        article,
        (await readFile(article, 'utf8')).replace(
          'title: Convoy Leaves the Corridor as Talks Resume',
          'title: Last Convoy Leaves the Corridor',
        ),
      );
      await reader.waitForFunction(
        () => document.querySelector('nav.contents a')?.textContent === 'Last Convoy Leaves the Corridor',
        { timeout: 30_000 },
      );
      await reader.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 120_000);
});

async function until<T>(value: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = value();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 100));
  }
}
