// (Its charts draw shapes only: text in an SVG image is set in a system font, which the print check refuses.)
// A hostile SVG photo and its variants: script, event handlers, remote and file: images, a foreignObject iframe,
// javascript: links, CSS imports, animation that sets a handler. None of it may reach any edition: every file of
// the EPUB and of the web page is searched, EPUBCheck must say nothing, the book declares no script or remote
// resource, and `imprint serve` answers with a Content-Security-Policy under which no script runs.

import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { ArticleResult } from '../../src/build/build-result.js';
import { staticFiles } from '../../src/commands/serve/static-files.js';
import { builtInStyle } from '../../src/config/house-style.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { epubcheck } from '../helpers/epub.js';
import { hostileSvg } from '../helpers/photos.js';

const variants: Record<string, string> = {
  'hostile.svg': hostileSvg,
  // Upper case, entity-encoded and whitespace-split schemes, a handler on a nested element, CSS in a style attribute.
  'mixed-case.svg': `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
<SCRIPT>alert('upper')</SCRIPT>
<g><rect width="100" height="100" fill="#ccc" ONMOUSEOVER="alert('upper handler')" style="fill: url('https://evil.example/bg.svg#p')"/></g>
<a href="&#106;avascript:alert('encoded')"><circle cx="50" cy="50" r="20"/></a>
<use xlink:href=" https://evil.example/sprite.svg#i"/>
<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" width="10" height="10"/>
<rect x="10" y="60" width="20" height="30" fill="#363" class="bar"/>
</svg>`,
};
const hostileWords = [
  '<script',
  'alert(',
  'onload',
  'onclick',
  'onmouseover',
  'evil.example',
  'passwd',
  'foreignObject',
  'iframe',
  'javascript',
  '@import',
  'data:image/svg',
];

let project: string;
let outDir: string;
let results: ArticleResult[];
const article = (image: string) =>
  `---\ntitle: Chart ${image}\nslug: ${image.replace('.svg', '')}\ndate: 2024-04-17\npublication: Test Times\nlang: en\n---\n\n::: figure\n![A bar chart of turnout by region](${image})\nTurnout by region. **Test Times**\n:::\n\nTurnout rose in every region.\n`;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'imprint-svg-'));
  const content = join(project, 'content');
  await mkdir(content);
  for (const [name, svg] of Object.entries(variants)) {
    await writeFile(join(content, name), svg);
    await writeFile(join(content, name.replace('.svg', '.md')), article(name));
  }
  outDir = join(project, 'output');
  results = await build(
    [content],
    v.parse(buildOptionsSchema, {
      outDir,
      style: { ...builtInStyle, images: { keepLocation: false, projectDir: project } },
    }),
  );
}, 600_000);

describe('a hostile SVG', () => {
  it('builds, cleaned', () => {
    expect(results.map((result) => (result.ok ? 'ok' : result.error.message))).toEqual(['ok', 'ok']);
  });

  for (const name of Object.keys(variants)) {
    const slug = name.replace('.svg', '');
    it(`${name}: the EPUB passes EPUBCheck without a message, declares no script or remote resource, and carries none of it`, async () => {
      const epub = join(outDir, slug, `${slug}.epub`);
      expect((await epubcheck(epub)).map((m) => `${m.severity} ${m.ID} ${m.message}`)).toEqual([]);
      const zip = await JSZip.loadAsync(await readFile(epub));
      const opf = await zip.file('OEBPS/content.opf')!.async('string');
      expect(opf).not.toMatch(/scripted|remote-resources/);
      const svgs = Object.keys(zip.files).filter((file) => file.endsWith('.svg'));
      expect(svgs).toHaveLength(1);
      for (const file of Object.keys(zip.files).filter((file) => /\.(svg|xhtml|opf|css)$/.test(file))) {
        const text = (await zip.file(file)!.async('string')).toLowerCase();
        for (const word of hostileWords) expect(text, `${file}: ${word}`).not.toContain(word.toLowerCase());
      }
      // What a chart needs is still there.
      const svg = await zip.file(svgs[0]!)!.async('string');
      expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toMatch(/<rect [^>]*class="bar"/);
    });

    it(`${name}: the web page and the image beside it carry none of it; the PDFs print the chart`, async () => {
      const dir = join(outDir, slug);
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
        (entry) => entry.isFile() && /\.(svg|html)$/.test(entry.name),
      );
      expect(files.filter((entry) => entry.name.endsWith('.svg'))).toHaveLength(1);
      for (const entry of files) {
        const text = (await readFile(join(entry.parentPath, entry.name), 'utf8')).toLowerCase();
        // The page's JSON-LD is a <script type="application/ld+json"> data block, not a script: leave it out of the search.
        const searched = text.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
        expect(text.match(/<script/g) ?? []).toHaveLength(entry.name.endsWith('.html') ? 1 : 0);
        for (const word of hostileWords) expect(searched, `${entry.name}: ${word}`).not.toContain(word.toLowerCase());
      }
      for (const pdf of [`${slug}.pdf`, `${slug}.press.pdf`, `${slug}.archival.pdf`]) {
        const bytes = (await readFile(join(dir, pdf))).toString('latin1');
        expect(bytes).not.toMatch(/evil\.example|\/JavaScript|\/JS\b|passwd/);
      }
    });
  }

  it('refuses an SVG that declares XML entities (a billion laughs), naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-svg-entities-'));
    await writeFile(
      join(dir, 'laughs.svg'),
      '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>\n',
    );
    await writeFile(join(dir, 'laughs.md'), article('laughs.svg'));
    const [result] = await build(
      [join(dir, 'laughs.md')],
      v.parse(buildOptionsSchema, {
        outDir: join(dir, 'out'),
        formats: ['epub'],
        style: { ...builtInStyle, images: { keepLocation: false, projectDir: dir } },
      }),
    );
    expect(result!.ok).toBe(false);
    expect(!result!.ok && result!.error.describe()).toMatch(/laughs\.md:10: SVG "laughs\.svg" declares XML entities/);
  });
});

describe('imprint serve', () => {
  it('sends a Content-Security-Policy under which no script runs but its own reload script; an SVG is sandboxed', async () => {
    const reload = '<script>new EventSource("/__reload").onmessage = () => location.reload();</script>';
    const server = createServer(staticFiles(outDir, reload));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<Record<string, string | string[] | undefined>>((done, fail) => {
        request({ host: '127.0.0.1', port, path }, (response) => {
          response.resume();
          done(response.headers);
        })
          .on('error', fail)
          .end();
      });
    try {
      const page = (await get('/hostile/'))['content-security-policy'] as string;
      expect(page).toMatch(/default-src 'none'/);
      expect(page).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      expect(page).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
      const svgName = (await readdir(join(outDir, 'hostile', 'images'))).find((name) => name.endsWith('.svg'))!;
      const svg = (await get(`/hostile/images/${svgName}`))['content-security-policy'] as string;
      expect(svg).toMatch(/script-src 'none'/);
      expect(svg).toMatch(/sandbox/);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
