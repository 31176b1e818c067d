// A publication's house style as its users meet it: imprint.yaml (defaults, theme, labels, build settings)
// in the project folder, a theme with CSS, a logo and a font, and labels in the article's language; bad
// config and bad themes refused with file and line before anything is written.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInLanguages, labelOverridesSchema, labelsFor } from '../../src/labels/labels.js';
import { epubcheck, epubFiles, parseXml } from '../helpers/epub.js';
import { imprint, type Run, withoutLowResolution } from '../helpers/imprint.js';
import { pdfFonts, pdfPageTexts } from '../helpers/pdf.js';
import { countColour, rasterisePage } from '../helpers/pixels.js';

const fixture = resolve('tests/fixtures/house');
const logoRed = '#c8102e';
const headlineBlue = '#0b5394';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-house-'));
  await cp(fixture, dir, { recursive: true, filter: (source) => !source.includes(`${fixture}/output`) });
  return dir;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('a project with imprint.yaml and a theme, built with plain "imprint build"', () => {
  let dir: string;
  let run: Run;
  let pdf: Buffer;
  let epub: Buffer;

  beforeAll(async () => {
    dir = await project();
    run = await imprint(['build'], dir);
    pdf = await readFile(join(dir, 'output/port-otkryt/port-otkryt.pdf'));
    epub = await readFile(join(dir, 'output/port-otkryt/port-otkryt.epub'));
  }, 120_000);

  it('builds the formats and paths the config names, with the defaults filling the front matter', async () => {
    expect(withoutLowResolution(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    const written = (await filesUnder(join(dir, 'output')))
      .map((file) => file.slice(dir.length + 1).replace(/[0-9a-f]{16}/, 'HASH'))
      .sort();
    expect(written).toEqual([
      'output/index.html',
      'output/manifest.json',
      'output/port-otkryt/cover.jpg',
      // The photo, as AVIF and JPEG (see images/), and the theme's logo.
      'output/port-otkryt/images/HASH.avif',
      'output/port-otkryt/images/HASH.jpg',
      'output/port-otkryt/images/HASH.svg',
      'output/port-otkryt/index.html',
      'output/port-otkryt/page-1.jpg',
      'output/port-otkryt/port-otkryt.epub',
      'output/port-otkryt/port-otkryt.pdf',
    ]);
    // The web page shows the theme's logo as its masthead, copied beside it, and speaks Russian.
    const page = await readFile(join(dir, 'output/port-otkryt/index.html'), 'utf8');
    expect(page).toMatch(/<img class="logo" src="images\/[0-9a-f]{16}\.svg" alt="Береговой вестник">/);
    expect(page).toContain('PDF для чтения и печати');
    const opf = parseXml((await epubFiles(epub)).get('OEBPS/content.opf')!);
    expect(opf.getElementsByTagName('dc:publisher')[0]?.textContent).toBe('Береговой вестник');
    expect(opf.getElementsByTagName('dc:language')[0]?.textContent).toBe('ru');
    expect(opf.getElementsByTagName('dc:rights')[0]?.textContent).toBe('© 2025 Береговой вестник');
    expect(opf.getElementsByTagName('dc:subject')[0]?.textContent).toBe('порт');
  });

  it('sets the print furniture in Russian, with the config overriding a label the theme also sets', async () => {
    const [page] = await pdfPageTexts(pdf);
    expect(page).toContain('Страница 1 из 1');
    expect(page).toContain('Автор: Анна Ли');
    expect(page).toContain('Оригинал: https://example.org/2025/11/15/port-otkryt');
    expect(page).not.toMatch(/Page 1|Originally|By |Источник/);
    // The first article's promise holds for every article: caption, photo credit, agency credit.
    expect(page).toContain('Первые грузовики въезжают в порт');
    expect(page).toMatch(/Иван Петров \/ ТАСС/i);
    expect(page).toContain('При участии ТАСС.');
  });

  it("draws the theme on page 1: the logo at the top, the headline in the theme's colour and font", async () => {
    const raster = await rasterisePage(pdf, 1);
    expect(countColour(raster, logoRed, { bottom: 0.15 })).toBeGreaterThan(100);
    expect(countColour(raster, headlineBlue, { top: 0.05, bottom: 0.3 })).toBeGreaterThan(100);
    expect((await pdfFonts(pdf)).some((font) => /NotoSans-ExtraBold/.test(font.name) && font.embedded)).toBe(true);
  });

  it("makes an EPUB with the theme's stylesheet, font, licence and logo that EPUBCheck passes with no message", async () => {
    expect(await epubcheck(join(dir, 'output/port-otkryt/port-otkryt.epub'))).toEqual([]);
    const files = await epubFiles(epub);
    expect(files.get('OEBPS/style.css')).toContain(
      '.headline { font-family: "Ledger Sans", sans-serif; font-weight: 800; }',
    );
    expect(files.get('OEBPS/style.css')).toContain('url("fonts/ledger-sans-cyrillic-800.woff2")');
    expect(files.has('OEBPS/fonts/ledger-sans-cyrillic-800.woff2')).toBe(true);
    expect(files.has('OEBPS/fonts/ledger-sans-latin-800.woff2')).toBe(false); // print.css names it, epub.css does not
    expect(files.get('OEBPS/fonts/theme-OFL.txt')).toContain('SIL Open Font License');
    const chapter = parseXml(files.get('OEBPS/article.xhtml')!);
    const logo = chapter.querySelector('.publication img');
    expect(logo?.getAttribute('alt')).toBe('Береговой вестник');
    expect(files.get(`OEBPS/${logo?.getAttribute('src')}`)).toContain('<svg');
    const nav = parseXml(files.get('OEBPS/toc.xhtml')!);
    // The theme's labels.yaml names the contents; imprint.yaml's "source" label won over the theme's (above).
    expect(nav.querySelector('#toc h1')?.textContent).toBe('Оглавление');
    expect(parseXml(files.get('OEBPS/cover.xhtml')!).querySelector('img')?.getAttribute('alt')).toMatch(
      /^Обложка: Порт снова открыт/,
    );
  });

  it('rebuilds when the theme changes, and not otherwise', async () => {
    expect((await imprint(['build'], dir)).stdout).toContain('0 built, 1 unchanged.');
    await writeFile(
      join(dir, 'theme/print.css'),
      `${await readFile(join(dir, 'theme/print.css'), 'utf8')}\n.standfirst { color: #333; }\n`,
    );
    expect((await imprint(['build'], dir)).stdout).toContain('1 built, 0 unchanged.');
  }, 60_000);
});

describe('the same article without the theme', () => {
  it("has neither the logo nor the theme's colour, and a flag overrides the config's formats", async () => {
    const dir = await project();
    await writeFile(join(dir, 'plain.yaml'), 'defaults:\n  publication: Береговой вестник\n  lang: ru\n');
    const run = await imprint(
      ['build', 'content', '--config', 'plain.yaml', '--formats', 'pdf', '--out', 'plain'],
      dir,
    );
    expect(run.code).toBe(0);
    expect((await filesUnder(join(dir, 'plain'))).map((file) => file.slice(dir.length + 1)).sort()).toEqual([
      'plain/manifest.json',
      'plain/port-otkryt/port-otkryt.pdf',
    ]);
    const pdf = await readFile(join(dir, 'plain/port-otkryt/port-otkryt.pdf'));
    const raster = await rasterisePage(pdf, 1);
    expect(countColour(raster, logoRed)).toBe(0);
    expect(countColour(raster, headlineBlue)).toBe(0);
    expect((await pdfPageTexts(pdf))[0]).toContain('Впервые опубликовано: https://example.org');
  }, 60_000);

  it("lets the article's own front matter override the defaults", async () => {
    const dir = await project();
    await writeFile(
      join(dir, 'content/english.md'),
      '---\ntitle: The Port Reopens\ndate: 2025-11-15\npublication: The Ledger\nlang: en\n---\n\nThe port reopened on Saturday.\n',
    );
    const run = await imprint(['build', 'content/english.md', '--formats', 'pdf'], dir);
    expect(run.code).toBe(0);
    const [page] = await pdfPageTexts(await readFile(join(dir, 'output/english/english.pdf')));
    expect(page).toContain('Page 1 of 1');
  }, 60_000);
});

describe('a config or theme with a mistake', () => {
  const refused = async (files: Record<string, string>, args: string[] = ['build']) => {
    const dir = await project();
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const run = await imprint(args, dir);
    const written = await filesUnder(join(dir, 'output'));
    await rm(dir, { recursive: true, force: true });
    return { ...run, written };
  };

  it('names imprint.yaml, the line and column of a misspelt field, and what it probably meant', async () => {
    const run = await refused({ 'imprint.yaml': 'theme: theme\nbuild:\n  formats: [pdf]\n  jbos: 2\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('imprint.yaml:4:3: unknown imprint.yaml field "build.jbos"');
    expect(run.stderr).toContain('Did you mean "build.jobs"?');
    expect(run.written).toEqual([]);
  });

  it('names a misspelt default, a default that is not allowed, and a bad value, each at its line', async () => {
    const misspelt = await refused({ 'imprint.yaml': 'defaults:\n  publicaton: The Ledger\n' });
    expect(misspelt.stderr).toContain('imprint.yaml:2:3: unknown imprint.yaml field "defaults.publicaton"');
    expect(misspelt.stderr).toContain('Did you mean "defaults.publication"?');
    const title = await refused({ 'imprint.yaml': 'defaults:\n  lang: en\n  title: Every Article\n' });
    expect(title.stderr).toContain('imprint.yaml:3:3: unknown imprint.yaml field "defaults.title"');
    const jobs = await refused({ 'imprint.yaml': 'build:\n  jobs: 99\n' });
    expect(jobs.stderr).toContain(
      'imprint.yaml:2:3: imprint.yaml field "build.jobs": --jobs takes a number from 1 to 16',
    );
    const label = await refused({ 'imprint.yaml': 'labels:\n  ru:\n    page: Страница\n' });
    expect(label.stderr).toContain(
      'imprint.yaml:3:5: imprint.yaml field "labels.ru.page": label "page" must contain {page}',
    );
    for (const run of [misspelt, title, jobs, label]) expect(run.code).toBe(2);
  });

  it('refuses a theme stylesheet that reaches for the network or outside the theme, naming the file and line', async () => {
    const remote = await refused({
      'theme/print.css': '/* web fonts */\n@import url("https://fonts.googleapis.com/css2?family=Inter");\n',
    });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(
      /theme\/print\.css:2:\d+: "https:\/\/fonts\.googleapis\.com\/css2\?family=Inter" is not a file in the theme; imprint never fetches from the network/,
    );
    expect(remote.written).toEqual([]);
    const outside = await refused({ 'theme/cover.css': '.cover {\n  background: url("../content/harbour.jpg");\n}\n' });
    expect(outside.stderr).toMatch(
      /theme\/cover\.css:2:\d+: "\.\.\/content\/harbour\.jpg" is outside the theme folder/,
    );
    const image = await refused({ 'theme/epub.css': 'body { background: url("logo.svg"); }\n' });
    expect(image.stderr).toMatch(/theme\/epub\.css:1:\d+: url\(logo\.svg\) is not one of the theme's fonts/);
    const broken = await refused({ 'theme/print.css': '.headline { color: red;\n\n.x { {{ }\n' });
    expect(broken.stderr).toMatch(/theme\/print\.css:3:\d+: not valid CSS/);
    const bidi = await refused({ 'theme/epub.css': 'p {\n  direction: rtl;\n}\n' });
    expect(bidi.stderr).toMatch(/theme\/epub\.css:2:3: "direction: rtl" is not allowed in an EPUB/);
    const script = await refused({
      'theme/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n',
    });
    expect(script.stderr).toContain('theme/logo.svg:2: the logo has a script or refers to another file');
    for (const run of [outside, image, broken, bidi, script]) expect([run.code, run.written]).toEqual([2, []]);
  }, 60_000);

  it('names a theme folder that does not exist and a --config that does not', async () => {
    const missing = await refused({ 'imprint.yaml': 'theme: themes/ledger\n' });
    expect(missing.stderr).toContain('themes/ledger: the theme folder does not exist');
    const noConfig = await refused({}, ['build', '--config', 'nowhere.yaml']);
    expect(noConfig.stderr).toContain('nowhere.yaml: cannot read the config');
    for (const run of [missing, noConfig]) expect(run.code).toBe(2);
  });
});

describe('labels', () => {
  it('are built in for every language the newsroom asked for, each label with its placeholders', () => {
    expect([...builtInLanguages]).toEqual(
      expect.arrayContaining([
        'de',
        'el',
        'en',
        'es',
        'fr',
        'hy',
        'it',
        'pl',
        'pt',
        'ru',
        'uk',
        'zh-Hans',
        'zh-Hant',
        'ja',
        'ko',
        'ar',
        'fa',
        'ur',
        'he',
        'hi',
        'bn',
        'ta',
        'th',
        'vi',
        'id',
        'tr',
        'sw',
      ]),
    );
    const table = Object.fromEntries(builtInLanguages.map((lang) => [lang, labelsFor(lang)]));
    expect(v.safeParse(labelOverridesSchema, table).success).toBe(true);
    // A language that fell back to English by mistake would show English words.
    for (const lang of builtInLanguages.filter((tag) => tag !== 'en'))
      expect([lang, labelsFor(lang).contents]).not.toEqual([lang, 'Contents']);
  });

  it('fall back from a regional tag to its language, and from an unknown language to English', () => {
    expect(labelsFor('pt-BR').page).toBe('Página {page} de {pages}');
    expect(labelsFor('sv').page).toBe('Page {page} of {pages}');
  });

  it('take overrides in order: imprint.yaml, then the theme, then the built-in table; the most specific tag first', () => {
    const config = { 'pt-BR': { contents: 'Sumário' } };
    const theme = { pt: { contents: 'Conteúdo', cover: 'Capa da edição' } };
    expect(labelsFor('pt-BR', [config, theme])).toMatchObject({
      contents: 'Sumário',
      cover: 'Capa da edição',
      page: 'Página {page} de {pages}',
    });
    expect(labelsFor('pt-PT', [config, theme]).contents).toBe('Conteúdo');
  });
});
