// Photos as agencies send them, read as readers get them: a 24-megapixel agency JPEG (IPTC and XMP credit,
// EXIF orientation 6, GPS, camera serials), a CMYK JPEG, WebP and AVIF photos, a low-resolution photo, a
// credit that contradicts the photo's, and a pixel bomb. The EPUB's images and the web page's are decoded with
// sharp and their metadata read with exifr; EPUBCheck judges the books.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import exifr from 'exifr';
import JSZip from 'jszip';
import sharp from 'sharp';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/article/limits.js';
import { build } from '../../src/build/build.js';
import type { ArticleResult } from '../../src/build/build-result.js';
import { checkFiles } from '../../src/commands/check-files.js';
import { builtInStyle } from '../../src/config/house-style.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { epubcheck } from '../helpers/epub.js';
import { agencyJpeg, avifPhoto, cmykJpeg, pixelBomb, webpPhoto } from '../helpers/photos.js';

const agency = {
  caption: 'Russian peacekeepers leave their outpost at the Lachin corridor.',
  credit: 'AFP',
  creator: 'Jane Doe',
  copyright: '© AFP 2024',
  source: 'AFP',
};
const serial = '032021001234';

let project: string;
let outDir: string;
let results: ArticleResult[];

const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2024-04-17\npublication: Test Times\nlang: en\n---\n\n${body}\n\nThe Kremlin confirmed reports on Wednesday that its peacekeepers had begun to leave.\n`;
const options = (out: string, extra: object = {}) =>
  v.parse(buildOptionsSchema, {
    outDir: out,
    style: { ...builtInStyle, images: { keepLocation: false, projectDir: project } },
    ...extra,
  });

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'imprint-photos-'));
  const content = join(project, 'content');
  await mkdir(content);
  await writeFile(join(content, 'agency.jpg'), await agencyJpeg(6000, 4000, agency, { orientation: 6 }));
  await writeFile(
    join(content, 'agency.md'),
    article('Agency photo', '::: figure\n![Soldiers load a truck at a checkpoint](agency.jpg)\n:::'),
  );
  await writeFile(join(content, 'small-agency.jpg'), await agencyJpeg(1800, 1200, { credit: 'AFP' }));
  await writeFile(join(content, 'low.jpg'), await agencyJpeg(400, 300, {}, { withGps: false }));
  await writeFile(join(content, 'cmyk.jpg'), await cmykJpeg(1500, 1000));
  await writeFile(join(content, 'photo.webp'), await webpPhoto(1500, 1000));
  await writeFile(join(content, 'photo.avif'), await avifPhoto(1500, 1000));
  await writeFile(
    join(content, 'formats.md'),
    article(
      'Formats',
      [
        '::: figure\n![A convoy](small-agency.jpg)\nA convoy on the road. **Reuters**\n:::',
        '::: figure\n![A village](low.jpg)\nA village. **Jane Doe / AP**\n:::',
        '::: figure\n![A printed map](cmyk.jpg)\nA map. **Map: Test Times**\n:::',
        '::: figure\n![A river](photo.webp)\nA river. **Jane Doe / AP**\n:::',
        '::: figure\n![A bridge](photo.avif)\nA bridge. **Jane Doe / AP**\n:::',
      ].join('\n\n'),
    ),
  );
  outDir = join(project, 'output');
  results = await build([content], options(outDir));
}, 600_000);

async function epubImages(slug: string): Promise<{ name: string; bytes: Buffer }[]> {
  const zip = await JSZip.loadAsync(await readFile(join(outDir, slug, `${slug}.epub`)));
  const images = Object.keys(zip.files).filter((name) => /^OEBPS\/images\//.test(name));
  return Promise.all(images.map(async (name) => ({ name, bytes: await zip.file(name)!.async('nodebuffer') })));
}

async function webImages(slug: string): Promise<{ name: string; bytes: Buffer }[]> {
  const dir = join(outDir, slug, 'images');
  return Promise.all((await readdir(dir)).map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

/** What a copy says of itself: its XMP (sharp reads AVIF's too) and any EXIF position, serial or software. */
async function metadataOf(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  const tags = ((await exifr
    .parse(bytes, { tiff: true, exif: true, gps: true, iptc: true, xmp: false })
    .catch(() => undefined)) ?? {}) as Record<string, unknown>;
  return { meta, xmp: meta.xmp?.toString('utf8') ?? '', tags };
}

describe('a 24-megapixel agency photo', () => {
  it('builds', () => {
    expect(results.map((result) => [result.file.split('/').pop(), result.ok ? 'ok' : result.error.message])).toEqual([
      ['agency.md', 'ok'],
      ['formats.md', 'ok'],
    ]);
  });

  it('gives an EPUB under 1.5 MB that EPUBCheck passes without a message, its photo upright, at most 1600 px, in sRGB', async () => {
    const epub = join(outDir, 'agency', 'agency.epub');
    expect((await readFile(epub)).length).toBeLessThan(1.5e6);
    expect((await epubcheck(epub)).map((m) => `${m.severity} ${m.ID} ${m.message}`)).toEqual([]);
    const photos = (await epubImages('agency')).filter(({ name }) => !name.includes('cover'));
    expect(photos).toHaveLength(1);
    const { meta } = await metadataOf(photos[0]!.bytes);
    // 6000 × 4000 stored, orientation 6: upright it is a portrait, and nothing asks a reader to turn it.
    expect([meta.format, meta.width, meta.height, meta.orientation ?? 1, meta.space]).toEqual([
      'jpeg',
      1067,
      1600,
      1,
      'srgb',
    ]);
  });

  it('takes its caption and credit from the photo in every edition, and the PDF lists the credit in its XMP', async () => {
    const chapter = await JSZip.loadAsync(await readFile(join(outDir, 'agency', 'agency.epub'))).then((zip) =>
      zip.file('OEBPS/article.xhtml')!.async('string'),
    );
    const page = await readFile(join(outDir, 'agency', 'index.html'), 'utf8');
    for (const html of [chapter, page]) {
      expect(html).toMatch(
        new RegExp(`<figcaption>${agency.caption} <span class="credit" dir="auto">AFP</span></figcaption>`),
      );
    }
    for (const pdf of ['agency.pdf', 'agency.archival.pdf', 'agency.press.pdf']) {
      const { stdout } = await promisify(execFile)('pdftotext', ['-raw', join(outDir, 'agency', pdf), '-']);
      expect(stdout.replace(/\s+/g, ' ')).toContain(`${agency.caption} AFP`);
      expect((await readFile(join(outDir, 'agency', pdf))).toString('latin1')).toContain('<rdf:li>Photo: AFP</rdf:li>');
    }
  });

  it('gives a web page with a responsive picture: AVIF and JPEG srcsets, width and height, no image over 500 kB', async () => {
    const page = await readFile(join(outDir, 'agency', 'index.html'), 'utf8');
    const picture =
      /<picture><source type="image\/avif" srcset="([^"]+)" sizes="[^"]+"><img src="([^"]+)" width="(\d+)" height="(\d+)" srcset="([^"]+)" sizes="[^"]+" alt="Soldiers load a truck at a checkpoint"/.exec(
        page,
      );
    expect(picture).not.toBeNull();
    const [, avif, src, width, height, jpeg] = picture!;
    expect([width, height]).toEqual(['1067', '1600']);
    expect(avif!.split(', ').map((entry) => entry.split(' ')[1])).toEqual(['480w', '960w', '1067w']);
    expect(jpeg!.split(', ').map((entry) => entry.split(' ')[1])).toEqual(['480w', '960w', '1067w']);
    expect(jpeg).toContain(src);
    const images = await webImages('agency');
    expect(images).toHaveLength(6);
    expect(Math.max(...images.map(({ bytes }) => bytes.length))).toBeLessThan(500_000);
    for (const { bytes } of images) {
      const { meta } = await metadataOf(bytes);
      expect(meta.height! > meta.width!).toBe(true);
      expect(meta.orientation ?? 1).toBe(1);
    }
  });

  it('keeps credit, creator and copyright in the XMP of every copy; no copy carries GPS, serials or software history', async () => {
    const copies = [
      ...(await epubImages('agency')).filter(({ name }) => !name.includes('cover')),
      ...(await webImages('agency')),
    ];
    for (const { name, bytes } of copies) {
      const { xmp, tags } = await metadataOf(bytes);
      expect(xmp, name).toContain('<photoshop:Credit>AFP</photoshop:Credit>');
      expect(xmp, name).toContain('<rdf:li>Jane Doe</rdf:li>');
      expect(xmp, name).toContain('© AFP 2024');
      expect(xmp, name).not.toMatch(/GPS|History|Photoshop 25/);
      expect(
        [tags.latitude, tags.longitude, tags.SerialNumber, tags.LensSerialNumber, tags.Software, tags.Make],
        name,
      ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    }
    // Nor do the PDFs, whose photos are the print copy's bytes.
    for (const pdf of ['agency.pdf', 'agency.archival.pdf', 'agency.press.pdf']) {
      const bytes = (await readFile(join(outDir, 'agency', pdf))).toString('latin1');
      expect(bytes).not.toContain(serial);
      expect(bytes).not.toContain('Photoshop 25');
    }
  });

  it("gives the web page's picture of the PDF's first page the photo's credit, creator and copyright (XMP), not its caption", async () => {
    const thumbnail = await readFile(join(outDir, 'agency', 'page-1.jpg'));
    const xmp = (await exifr.parse(thumbnail, { xmp: true, iptc: true, tiff: false, exif: false })) as Record<
      string,
      unknown
    >;
    expect([xmp.Credit, xmp.creator, xmp.rights, xmp.Source]).toEqual([
      'AFP',
      'Jane Doe',
      { lang: 'x-default', value: '© AFP 2024' },
      'AFP',
    ]);
    expect(xmp.description).toBeUndefined();
    expect((await sharp(thumbnail).metadata()).format).toBe('jpeg');
  });

  it('prints upright at 300 ppi, not 24 megapixels', async () => {
    const { stdout } = await promisify(execFile)('pdfimages', ['-list', join(outDir, 'agency', 'agency.pdf')]);
    const [width, height] = stdout.split('\n')[2]!.trim().split(/\s+/).slice(3, 5).map(Number);
    expect(height! > width!).toBe(true);
    expect(height).toBeLessThan(1400);
    expect(height).toBeGreaterThan(1000);
  });

  it('is processed once: a rebuild takes the copies from the cache and gives byte-identical editions', async () => {
    const again = join(project, 'again');
    const second = await build([join(project, 'content')], options(again));
    expect(second.every((result) => result.ok)).toBe(true);
    const hashes = async (dir: string) => {
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
        (entry) => entry.isFile() && entry.name !== 'manifest.json' && entry.name !== 'index.html',
      );
      return Object.fromEntries(
        await Promise.all(
          files.map(async (entry) => [
            join(entry.parentPath, entry.name).slice(dir.length),
            createHash('sha256')
              .update(await readFile(join(entry.parentPath, entry.name)))
              .digest('hex'),
          ]),
        ),
      );
    };
    expect(await hashes(again)).toEqual(await hashes(outDir));
    expect(
      (await readdir(join(project, '.imprint-cache', 'images'))).filter((name) => !name.startsWith('.')),
    ).toHaveLength(6);
  });
});

describe('photos in other forms', () => {
  it('WebP, AVIF and CMYK photos give an EPUB that EPUBCheck passes without a message, with sRGB JPEGs', async () => {
    const epub = join(outDir, 'formats', 'formats.epub');
    expect((await epubcheck(epub)).map((m) => `${m.severity} ${m.ID} ${m.message}`)).toEqual([]);
    const photos = (await epubImages('formats')).filter(({ name }) => !name.includes('cover'));
    expect(photos).toHaveLength(5);
    for (const { name, bytes } of photos) {
      const { meta } = await metadataOf(bytes);
      expect([name.split('.').pop(), meta.format, meta.space, meta.channels]).toEqual(['jpeg', 'jpeg', 'srgb', 3]);
    }
  });

  it('warns of a credit that contradicts the photo and of a photo too small to print, and says where the caption came from', async () => {
    const formats = results.find((result) => result.file.endsWith('formats.md'))!;
    const warnings = formats.warnings.map((warning) => `${warning.line} ${warning.rule} ${warning.message}`);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^9 credit-mismatch the figure credits "Reuters" but photo "small-agency.jpg" says its credit line is "AFP"/,
      ),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^14 low-resolution photo "low.jpg" \(400 × 300 px\) prints at 96 ppi, under 150; it needs at least \d+ × \d+ px/,
      ),
    );
    const notes: string[] = [];
    const diagnostics = await checkFiles(
      [join(project, 'content')],
      defaultLimits,
      { html: false, style: options(outDir).style },
      (note) => notes.push(note),
    );
    expect(diagnostics.filter((d) => d.file.endsWith('agency.md')).map((d) => d.rule)).toEqual([]);
    expect(notes).toContainEqual(
      expect.stringMatching(/agency\.md:8: the figure's caption and credit "AFP" taken from photo "agency\.jpg"/),
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /agency\.md:9: photo "agency\.jpg" carries a GPS position; it is removed from every published copy/,
      ),
    );
  });

  it('refuses a pixel bomb from its header, naming the file, its pixel size and the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-bomb-'));
    await writeFile(join(dir, 'bomb.png'), await pixelBomb());
    await writeFile(
      join(dir, 'bomb.md'),
      article('Bomb', '::: figure\n![A chart](bomb.png)\nA chart. **Test Times**\n:::'),
    );
    const [result] = await build([join(dir, 'bomb.md')], options(join(dir, 'out'), { formats: ['epub'] }));
    expect(result!.ok).toBe(false);
    const error = !result!.ok ? result!.error : undefined;
    expect(error?.describe()).toMatch(
      /bomb\.md:9: image "bomb\.png" is 40000 × 40000 pixels \(1600\.0 megapixels\), over the 100-megapixel limit/,
    );
    expect(error?.hint).toContain('--max-image-megapixels');
  });
});
