// An agency's credit in a WebP, AVIF or PNG photo (XMP, the only place these containers keep it; EXIF with
// camera serials and a GPS position beside it), built with the compiled CLI: the figure, which has no caption
// or credit of its own, takes them from the photo in the EPUB and on the web page, every copy keeps the
// credit in its XMP, and the build notes the position it removes, as it does for a JPEG.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, type Run } from '../helpers/imprint.js';
import { agencyPhotoAs } from '../helpers/photos.js';

const formats = ['webp', 'avif', 'png'] as const;
const agency = (format: string) => ({
  caption: `A ${format} photo of the convoy.`,
  credit: 'AFP',
  creator: 'Jane Doe',
  copyright: '© AFP 2024',
});

let dir: string;
let run: Run;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imprint-credit-formats-'));
  await mkdir(join(dir, 'content'));
  for (const format of formats) {
    await writeFile(join(dir, 'content', `photo.${format}`), await agencyPhotoAs(format, 1200, 800, agency(format)));
    await writeFile(
      join(dir, 'content', `${format}.md`),
      `---\ntitle: ${format}\ndate: 2024-04-17\npublication: Test Times\nlang: en\n---\n\n::: figure\n![A convoy on the road](photo.${format})\n:::\n\nThe convoy left at dawn.\n`,
    );
  }
  run = await imprint(['build', '--formats', 'epub,html'], dir);
}, 300_000);

describe.each(formats)('an agency %s photo', (format) => {
  it('builds, noting the photo’s position and that it is removed', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `note: content/${format}.md:9: photo "photo.${format}" carries a GPS position; it is removed from every published copy`,
    );
  });

  it('gives the figure the photo’s caption and credit in the EPUB and on the web page', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'output', format, `${format}.epub`)));
    const chapter = await zip.file('OEBPS/article.xhtml')!.async('string');
    const page = await readFile(join(dir, 'output', format, 'index.html'), 'utf8');
    for (const html of [chapter, page])
      expect(html).toContain(
        `<figcaption>${agency(format).caption} <span class="credit" dir="auto">AFP</span></figcaption>`,
      );
  });

  it('keeps credit, creator and copyright in the XMP of every copy, and no position or serial', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'output', format, `${format}.epub`)));
    const inEpub = Object.keys(zip.files).filter((name) => /^OEBPS\/images\//.test(name) && !name.includes('cover'));
    const web = join(dir, 'output', format, 'images');
    const copies = [
      ...(await Promise.all(inEpub.map((name) => zip.file(name)!.async('nodebuffer')))),
      ...(await Promise.all((await readdir(web)).map((name) => readFile(join(web, name))))),
    ];
    expect(copies.length).toBeGreaterThanOrEqual(3);
    for (const bytes of copies) {
      const xmp = (await sharp(bytes).metadata()).xmp?.toString('utf8') ?? '';
      expect(xmp).toContain('<photoshop:Credit>AFP</photoshop:Credit>');
      expect(xmp).toContain('<rdf:li>Jane Doe</rdf:li>');
      expect(xmp).toContain('© AFP 2024');
      expect(xmp).not.toMatch(/GPS|History/);
      expect(bytes.toString('latin1')).not.toMatch(/032021001234|7700004567|Photoshop|EOS R5/);
    }
  });
});
