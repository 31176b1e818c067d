// A HEIC photo as an iPhone sends it (tests/fixtures/phone/phone.heic: HEVC, EXIF orientation 6, XMP credit,
// GPS and serials), built and checked with the compiled CLI. sharp's prebuilt libvips reads a HEIC's header
// but has no HEVC decoder, so the article is refused, naming the file and how to convert it, in `imprint
// check` as in `imprint build`, while the batch's other articles are still built.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, type Run } from '../helpers/imprint.js';
import { agencyJpeg } from '../helpers/photos.js';

const article = (title: string, photo: string) =>
  `---\ntitle: ${title}\ndate: 2024-04-17\npublication: Test Times\nlang: en\n---\n\n::: figure\n![Residents queue at a water truck](${photo})\nResidents queue for water. **Jane Doe / AFP**\n:::\n\nResidents queued for water on Wednesday.\n`;

let project: string;
let built: Run;
let checked: Run;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'imprint-heic-'));
  const content = join(project, 'content');
  await mkdir(content);
  await copyFile(resolve('tests/fixtures/phone/phone.heic'), join(content, 'phone.heic'));
  await writeFile(join(content, 'phone.md'), article('Phone photo', 'phone.heic'));
  await writeFile(join(content, 'camera.jpg'), await agencyJpeg(1800, 1200, { credit: 'AFP' }));
  await writeFile(join(content, 'camera.md'), article('Camera photo', 'camera.jpg'));
  // A header that reads and pixels that do not: half a JPEG, as a broken download leaves it.
  const whole = await agencyJpeg(1200, 800, {}, { withGps: false });
  await writeFile(join(content, 'broken.jpg'), whole.subarray(0, whole.length >> 1));
  await writeFile(join(content, 'broken.md'), article('Broken photo', 'broken.jpg'));
  built = await imprint(['build', '--formats', 'epub,html'], project);
  checked = await imprint(['check'], project);
}, 300_000);

describe('a HEIC photo from an iPhone', () => {
  it('is a HEVC-compressed HEIF that the shipped sharp reads the header of but cannot decode', async () => {
    const meta = await sharp(resolve('tests/fixtures/phone/phone.heic')).metadata();
    expect([meta.format, meta.compression, meta.width, meta.height]).toEqual(['heif', 'hevc', 600, 400]);
    // When sharp gains an HEVC decoder, this test should become one that builds the photo (EPUB JPEG, srcset, credit).
    expect(sharp.format.heif.input.fileSuffix).not.toContain('.heic');
    await expect(sharp(resolve('tests/fixtures/phone/phone.heic')).raw().toBuffer()).rejects.toThrow(/HEVC/);
  });

  it('refuses the article in `imprint build`, naming the file, its line, why and how to convert it', () => {
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(
      /^error: content\/phone\.md:9: image "phone\.heic" is a HEIC photo \(HEVC, as iPhones save them\), which this build of imprint cannot decode\n {2}Convert it to JPEG and link the JPEG instead: .*heif-convert phone\.heic phone\.jpg/m,
    );
    expect(built.stderr).not.toMatch(/bad seek|plugin|libde265/);
    expect(built.stderr).toContain('1 built, 0 unchanged, 2 failed.');
  });

  it('and a photo whose header reads but whose pixels do not is refused naming the file and its line', () => {
    expect(built.stderr).toMatch(
      /^error: content\/broken\.md:9: image "broken\.jpg" could not be decoded: .*premature end of JPEG image\n {2}Export it again/m,
    );
  });

  it('still builds the batch’s other articles', async () => {
    expect(await readdir(join(project, 'output', 'camera'))).toEqual(
      expect.arrayContaining(['camera.epub', 'images', 'index.html']),
    );
    await expect(readdir(join(project, 'output', 'phone'))).rejects.toThrow(/ENOENT/);
  });

  it('is an error in `imprint check` too, before anyone waits for a build', () => {
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toMatch(
      /content\/phone\.md:9(:\d+)?\s+heic-unsupported\s+image "phone\.heic" is a HEIC photo/,
    );
  });
});
