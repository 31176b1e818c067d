// imprint.yaml's `images.keep_location`, as a newsroom meets it: the same article and GPS-tagged agency photo
// (camera and lens serials, software, XMP history) built with the compiled CLI in two projects, one that
// keeps the position and one that does not say (the default strips it). The EPUB's photo and every web copy
// (JPEG and AVIF) are read with exifr, as anyone who downloads them would: the position is there only where
// it was asked for; the serial numbers and the software history are in no copy either way.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, type Run } from '../helpers/imprint.js';
import { agencyJpeg, gps } from '../helpers/photos.js';

const serials = ['032021001234', '7700004567'];
const article = `---\ntitle: Convoy\ndate: 2024-04-17\npublication: Test Times\nlang: en\n---\n\n::: figure\n![A convoy on the road](convoy.jpg)\nA convoy on the road. **Jane Doe / AFP**\n:::\n\nThe convoy left at dawn.\n`;

interface Project {
  run: Run;
  copies: { name: string; bytes: Buffer }[];
}
const built: Record<'kept' | 'stripped', Project> = {} as never;

async function project(name: keyof typeof built, config: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `imprint-location-${name}-`));
  await mkdir(join(dir, 'content'));
  await writeFile(join(dir, 'imprint.yaml'), config);
  // 1800 × 1200 prints at 300 ppi re-encoded, and gives the web page JPEG and AVIF copies at 480, 960 and 1600 px.
  await writeFile(join(dir, 'content', 'convoy.jpg'), await agencyJpeg(1800, 1200, { credit: 'AFP' }));
  await writeFile(join(dir, 'content', 'convoy.md'), article);
  const run = await imprint(['build', '--formats', 'epub,html'], dir);
  const zip = await JSZip.loadAsync(await readFile(join(dir, 'output', 'convoy', 'convoy.epub')));
  const inEpub = Object.keys(zip.files).filter((file) => /^OEBPS\/images\//.test(file) && !file.includes('cover'));
  const web = join(dir, 'output', 'convoy', 'images');
  built[name] = {
    run,
    copies: [
      ...(await Promise.all(
        inEpub.map(async (file) => ({ name: `epub ${file}`, bytes: await zip.file(file)!.async('nodebuffer') })),
      )),
      ...(await Promise.all(
        (await readdir(web)).map(async (file) => ({ name: `web ${file}`, bytes: await readFile(join(web, file)) })),
      )),
    ],
  };
}

beforeAll(async () => {
  await project('kept', 'images:\n  keep_location: true\n');
  await project('stripped', 'defaults:\n  publication: Test Times\n');
}, 300_000);

/** The EXIF a copy carries, read with exifr: from the file, or for AVIF (whose EXIF item exifr cannot find) from the block sharp extracts. */
async function exifOf(bytes: Buffer): Promise<Record<string, unknown>> {
  const meta = await sharp(bytes).metadata();
  const exif =
    meta.format === 'heif'
      ? meta.exif?.subarray(meta.exif.indexOf('II*') >= 0 ? meta.exif.indexOf('II*') : meta.exif.indexOf('MM\0*'))
      : bytes;
  if (!exif || exif.length === 0) return {};
  return ((await exifr.parse(exif, { tiff: true, exif: true, gps: true, xmp: false }).catch(() => undefined)) ??
    {}) as Record<string, unknown>;
}

const xmpOf = async (bytes: Buffer) => (await sharp(bytes).metadata()).xmp?.toString('utf8') ?? '';

describe('images.keep_location', () => {
  it('builds both, with a note that says which', () => {
    for (const { run } of Object.values(built)) expect(run.code, run.stderr).toBe(0);
    expect(built.kept.run.stderr).toContain(
      'note: content/convoy.md:9: photo "convoy.jpg" carries a GPS position; it is kept in the published copies (images.keep_location)',
    );
    expect(built.stripped.run.stderr).toContain(
      'note: content/convoy.md:9: photo "convoy.jpg" carries a GPS position; it is removed from every published copy',
    );
  });

  it('gives an EPUB photo and web copies in JPEG and AVIF', () => {
    for (const { copies } of Object.values(built)) {
      expect(copies.map(({ name }) => `${name.split(' ')[0]} ${name.split('.').pop()}`).sort()).toEqual([
        'epub jpeg',
        'web avif',
        'web avif',
        'web avif',
        'web jpg',
        'web jpg',
        'web jpg',
      ]);
    }
  });

  it('true: every copy carries the photographer’s position, in EXIF and in XMP', async () => {
    for (const { name, bytes } of built.kept.copies) {
      const tags = await exifOf(bytes);
      expect([typeof tags.latitude, typeof tags.longitude], name).toEqual(['number', 'number']);
      expect(tags.latitude as number, name).toBeCloseTo(gps.latitude, 3);
      expect(tags.longitude as number, name).toBeCloseTo(gps.longitude, 3);
      expect(await xmpOf(bytes), name).toMatch(/<exif:GPSLatitude>55,45\.\d+N<\/exif:GPSLatitude>/);
    }
  });

  it('unset (the default): no copy carries a position', async () => {
    for (const { name, bytes } of built.stripped.copies) {
      const tags = await exifOf(bytes);
      expect([tags.latitude, tags.longitude, tags.GPSLatitude], name).toEqual([undefined, undefined, undefined]);
      expect(await xmpOf(bytes), name).not.toMatch(/GPS/);
    }
  });

  it('either way: no camera or lens serial, make, model, software or history in any copy', async () => {
    for (const [setting, { copies }] of Object.entries(built)) {
      for (const { name, bytes } of copies) {
        const tags = await exifOf(bytes);
        const label = `${setting}: ${name}`;
        expect(
          [tags.SerialNumber, tags.BodySerialNumber, tags.LensSerialNumber, tags.Make, tags.Model, tags.Software],
          label,
        ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
        // Whatever the container, the words themselves are not in the file.
        const text = bytes.toString('latin1');
        for (const word of [...serials, 'Photoshop', 'History', 'Canon', 'EOS R5'])
          expect(text, label).not.toContain(word);
      }
    }
  });
});
