// Archives as site generators wrote them: a Hugo blog of page bundles and a Jekyll site, built as they are
// with only the publication given in imprint.yaml. Authors, summaries, categories, lead photos, dates with
// a time and zone, figure and relref shortcodes, Kramdown captions and site paths to photos are understood;
// drafts, list pages and READMEs are left out with a note; other shortcodes leave no text behind; no page
// but the last is more than half empty however tall the photos.
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageDimensions, pageMargins } from '../../src/article/page-size.js';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { imprint, type Run } from '../helpers/imprint.js';
import { pdfPageTexts } from '../helpers/pdf.js';
import { type Raster, rasterisePage } from '../helpers/pixels.js';

async function copyOf(fixture: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-site-'));
  await cp(resolve('tests/fixtures', fixture), dir, { recursive: true });
  return dir;
}

const posts = ['harbour-reopens', 'photo-essay', 'rail-strike'];

describe('a Hugo blog of page bundles, built as it is', () => {
  let dir: string;
  let run: Run;
  const out = (slug: string, name: string) => join(dir, 'output', slug, name);

  beforeAll(async () => {
    dir = await copyOf('hugo-blog');
    run = await imprint(['build', 'content'], dir);
  }, 240_000);

  it('builds every post, named by its folder, and says what it left out and why', async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 built, 0 unchanged.');
    expect((await readdir(join(dir, 'output'))).filter((name) => !name.includes('.')).sort()).toEqual(posts);
    for (const note of [
      "note: content/blog/README.md: left out (a repository's notes, not an article)",
      'note: content/blog/_index.md: left out (a section list page, not an article)',
      'note: content/blog/unfinished/index.md: left out (a draft)',
      'note: content/blog/harbour-reopens/index.md:28: image "/2010/08/harbour-reopens/map.png" read as map.png in the article\'s folder',
      'note: site-generator fields left out, as they mean nothing in print: aliases (1), comments (1), layout (3), weight (1), wordpress_id (1)',
    ]) {
      expect(run.stderr).toContain(note);
    }
    expect(run.stderr).toContain(
      'content/blog/harbour-reopens/index.md:26:1  shortcode  the shortcode {{< youtube >}} means nothing in print',
    );
    expect(run.stderr).toContain('content/blog/harbour-reopens/index.md:32:1  shortcode  the shortcode {{< notice >}}');
  });

  it('reads author, summary, categories, the lead photo with its caption and credit, and relref links', async () => {
    // The text layer as one line, without print's soft hyphens.
    const text = (await pdfPageTexts(await readFile(out('harbour-reopens', 'harbour-reopens.pdf'))))
      .join(' ')
      .replaceAll('\u00AD', '')
      .replace(/\s+/g, ' ');
    expect(text).toContain('By Jane Smith');
    expect(text).toMatch(/The first ship to berth after the storm\. TOM BAKER \/ HARBOUR POST/);
    expect(text).toContain('as we reported in our story on the rail strike, which');
    expect(text).toContain('see Rail Strike Halts Coastal Line.');
    expect(text).toContain('The harbour office is open from eight to six.'); // a paired shortcode keeps what it wraps
    const files = await epubFiles(await readFile(out('harbour-reopens', 'harbour-reopens.epub')));
    const opf = parseXml(files.get('OEBPS/content.opf')!);
    const all = (tag: string) => Array.from(opf.getElementsByTagName(tag), (element) => element.textContent);
    expect(all('dc:creator')).toEqual(['Jane Smith']);
    expect(all('dc:date')).toEqual(['2010-08-28T22:05:31+00:00']);
    expect(all('dc:description')).toEqual([
      'The harbour reopened on Saturday morning, three days after the storm closed it.',
    ]);
    expect(all('dc:subject')).toEqual(['Harbour', 'Weather', 'storm']);
    const chapter = parseXml(files.get('OEBPS/article.xhtml')!);
    const lead = chapter.querySelector('figure');
    expect(lead?.querySelector('img')?.getAttribute('alt')).toBe(
      'A cargo ship moored at the quay under a clearing sky',
    );
    expect(lead?.querySelector('.credit')?.textContent).toBe('Tom Baker / Harbour Post');
  });

  it('turns the figure shortcode into a figure with its credit, and takes the lead photo from images:', async () => {
    const chapter = parseXml(
      (await epubFiles(await readFile(out('rail-strike', 'rail-strike.epub')))).get('OEBPS/article.xhtml')!,
    );
    const figures = Array.from(chapter.querySelectorAll('figure'), (figure) => [
      figure.querySelector('img')?.getAttribute('alt'),
      figure.querySelector('figcaption')?.textContent?.trim(),
    ]);
    expect(figures).toEqual([
      ['An empty platform under a station canopy', 'Ann Lee / Harbour Post'],
      [
        'A departures board showing every train cancelled',
        'The departures board at the central station on Monday morning. Bo Chan / Harbour Post',
      ],
    ]);
    const opf = (await epubFiles(await readFile(out('rail-strike', 'rail-strike.epub')))).get('OEBPS/content.opf')!;
    expect(opf).toContain('<dc:date>2011-03-14T09:30:00Z</dc:date>');
    expect([...opf.matchAll(/<dc:creator[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it('leaves no shortcode text in any edition', async () => {
    for (const slug of posts) {
      const pdfText = (await pdfPageTexts(await readFile(out(slug, `${slug}.pdf`)))).join('\n');
      const chapter = (await epubFiles(await readFile(out(slug, `${slug}.epub`)))).get('OEBPS/article.xhtml')!;
      const page = await readFile(out(slug, 'index.html'), 'utf8');
      for (const text of [pdfText, chapter, page])
        expect([slug, /\{\{[<%]|[%>]\}\}/.test(text)]).toEqual([slug, false]);
    }
  });

  it('passes EPUBCheck with no message for every post', async () => {
    for (const slug of posts) expect([slug, await epubcheck(out(slug, `${slug}.epub`))]).toEqual([slug, []]);
  }, 60_000);

  for (const page of ['a4', '6in x 9in']) {
    it(`leaves no page but the last more than half empty, with portrait, landscape and panorama photos (${page})`, async () => {
      const pageDir = join(dir, `pages-${page.replaceAll(' ', '')}`);
      expect(
        (await imprint(['build', 'content', '--formats', 'pdf', '--page', page, '--out', pageDir], dir)).code,
      ).toBe(0);
      for (const slug of ['photo-essay', 'rail-strike']) {
        const pdf = await readFile(join(pageDir, slug, `${slug}.pdf`));
        const count = (await pdfPageTexts(pdf)).length;
        for (let number = 1; number < count; number++) {
          const empty = emptyShare(await rasterisePage(pdf, number, 40), page);
          expect([slug, number, empty < 0.5]).toEqual([slug, number, true]);
        }
      }
    }, 120_000);
  }
});

/** How much of the type area, from the bottom up, has no ink (the footer sits below it, in the margin). */
function emptyShare(raster: Raster, page: string): number {
  const { height } = pageDimensions(page);
  const margins = pageMargins(page);
  const px = raster.height / height;
  const top = Math.ceil(margins.top * px);
  const bottom = Math.floor((height - margins.bottom) * px);
  let lowestInk = top;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < raster.width; x++) {
      const at = (y * raster.width + x) * 3;
      if (raster.rgb[at]! < 200 || raster.rgb[at + 1]! < 200 || raster.rgb[at + 2]! < 200) {
        lowestInk = y;
        break;
      }
    }
  }
  return (bottom - lowestInk) / (bottom - top);
}

describe('a Jekyll site, built from its root', () => {
  it('reads _posts (slug and date from the file name, a Kramdown caption, a photo URL with a query), leaves _drafts out', async () => {
    const dir = await copyOf('jekyll-site');
    const run = await imprint(['build', '.', '--formats', 'pdf,epub'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note: _drafts: left out (a folder of drafts or tools, not articles)');
    const epub = join(dir, 'output/ferry-timetable/ferry-timetable.epub');
    const files = await epubFiles(await readFile(epub));
    expect(files.get('OEBPS/content.opf')).toContain('<dc:date>2012-05-01</dc:date>');
    const figure = parseXml(files.get('OEBPS/article.xhtml')!).querySelector('figure');
    expect(figure?.querySelector('figcaption')?.textContent?.trim()).toBe(
      'The island ferry leaves the harbour on Tuesday.',
    );
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe(
      'The island ferry leaving the harbour in heavy rain',
    );
    expect(parseXml(files.get('OEBPS/article.xhtml')!).querySelectorAll('img')).toHaveLength(1); // the lead photo is that one
    expect(await epubcheck(epub)).toEqual([]);
  }, 60_000);
});

describe('a raw-HTML figure, as a WordPress export writes it (--html)', () => {
  it('keeps its photo, caption and credit', async () => {
    const dir = await copyOf('jekyll-site');
    await writeFile(
      join(dir, '_posts/2012-05-02-raw-figure.md'),
      '---\ntitle: Raw Figure\nauthor: Sam Green\n---\n\nIntro.\n\n<figure>\n  <img src="ferry.jpg" alt="The ferry in rain">\n  <figcaption>The ferry on Tuesday. <strong>Sam Green / Harbour Post</strong></figcaption>\n</figure>\n\nMore.\n',
    );
    expect((await imprint(['build', '_posts/2012-05-02-raw-figure.md', '--html', '--formats', 'epub'], dir)).code).toBe(
      0,
    );
    const chapter = parseXml(
      (await epubFiles(await readFile(join(dir, 'output/raw-figure/raw-figure.epub')))).get('OEBPS/article.xhtml')!,
    );
    expect(chapter.querySelector('figure img')?.getAttribute('alt')).toBe('The ferry in rain');
    expect(chapter.querySelector('figure img')?.getAttribute('src')).toMatch(/^images\/[0-9a-f]{16}\.jpe?g$/);
    expect(chapter.querySelector('figcaption .credit')?.textContent).toBe('Sam Green / Harbour Post');
  }, 60_000);
});

describe("front matter that is neither imprint's nor a site generator's", () => {
  it('still stops a misspelt imprint field with its did-you-mean', async () => {
    const dir = await copyOf('hugo-blog');
    const post = join(dir, 'content/blog/rail-strike/index.md');
    // Its front matter is TOML, as Hugo's often is.
    await writeFile(post, (await readFile(post, 'utf8')).replace('title = "Rail Strike', 'titel = "Rail Strike'));
    const run = await imprint(['build', 'content', '--formats', 'pdf'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/blog/rail-strike/index.md:2:1: unknown front matter field "titel"');
    expect(run.stderr).toContain('Did you mean "title"?');
  }, 60_000);
});
