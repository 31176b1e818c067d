// Every kind of bad input gets a clear ImprintError: the file, the line where known, and what to do.
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/article/article.js';
import { loadArticle } from '../../src/article/load-article.js';
import { ImprintError } from '../../src/errors.js';

const frontMatter = '---\ntitle: T\ndate: 2024-04-17\npublication: P\n---\n\n';
const png = 'tests/fixtures/rich/images/map.png';
const jpeg = 'tests/fixtures/rich/images/convoy.jpg';
const limits = { maxArticleBytes: 10_000, maxImageBytes: 5_000 };

interface Case {
  name: string;
  /** Builds the article (and its files) in `dir`, returns the article's path. */
  setup: (dir: string) => Promise<string>;
  message: RegExp;
  line?: number;
  hint: RegExp;
}

const article = (body: string | Buffer) => async (dir: string) => {
  const path = join(dir, 'story.md');
  await writeFile(path, body);
  return path;
};

const cases: Case[] = [
  {
    name: 'an empty file',
    setup: article('  \n\n'),
    message: /^file is empty$/,
    line: 1,
    hint: /Write the front matter/,
  },
  {
    name: 'bytes that are not UTF-8',
    setup: article(Buffer.concat([Buffer.from(`${frontMatter}Caf`), Buffer.from([0xe9]), Buffer.from(' au lait.\n')])),
    message: /not UTF-8/,
    line: 7,
    hint: /Save it as UTF-8/,
  },
  {
    name: 'a control character',
    setup: article(`${frontMatter}A vertical\u000Btab from a word processor.\n`),
    message: /control character U\+000B/,
    line: 7,
    hint: /Delete it/,
  },
  {
    name: 'a TOML front matter block with an unclosed string',
    setup: article('+++\ntitle = "T\ndate = 2024-04-17\n+++\n'),
    message: /front matter is not valid TOML: /,
    line: 2,
    hint: /TOML syntax/,
  },
  {
    name: 'an oversized article',
    setup: article(frontMatter + 'word '.repeat(3000)),
    message: /^file is 15\.1 kB, over the 10\.0 kB limit for an article$/,
    hint: /--max-article-mb/,
  },
  {
    name: 'an image that does not exist',
    setup: article(`${frontMatter}Intro.\n\n![A map](maps/none.png)\n`),
    message: /image "maps\/none.png" not found/,
    line: 9,
    hint: /Add the image file/,
  },
  {
    name: 'an image path that leaves the folder',
    setup: article(`${frontMatter}![A map](../secret.png)\n`),
    message: /image "..\/secret.png" is outside the article's folder/,
    line: 7,
    hint: /Copy the image into/,
  },
  {
    name: 'an absolute image path',
    setup: article(`${frontMatter}![A map](/etc/hostname.png)\n`),
    message: /is outside the article's folder/,
    line: 7,
    hint: /Copy the image/,
  },
  {
    name: 'a symlink that points out of the folder',
    setup: async (dir) => {
      const outside = await mkdtemp(join(tmpdir(), 'imprint-outside-'));
      await copyFile(png, join(outside, 'map.png'));
      await symlink(join(outside, 'map.png'), join(dir, 'map.png'));
      return article(`${frontMatter}![A map](map.png)\n`)(dir);
    },
    message: /image "map.png" is a link to .*, outside the article's folder/,
    line: 7,
    hint: /instead of linking/,
  },
  {
    name: 'an image that is not the type its name says',
    setup: async (dir) => {
      await copyFile(png, join(dir, 'photo.jpg'));
      return article(`${frontMatter}![A photo](photo.jpg)\n`)(dir);
    },
    message: /named as JPEG but its content is PNG/,
    line: 7,
    hint: /Export the image again/,
  },
  {
    name: 'a text file named as an image',
    setup: async (dir) => {
      await writeFile(join(dir, 'photo.png'), 'not an image');
      return article(`${frontMatter}![A photo](photo.png)\n`)(dir);
    },
    message: /named as PNG but its content is not an image/,
    line: 7,
    hint: /Export the image again/,
  },
  {
    name: 'an unsupported image type',
    setup: async (dir) => {
      await writeFile(join(dir, 'photo.bmp'), 'BM');
      return article(`${frontMatter}![A photo](photo.bmp)\n`)(dir);
    },
    message: /unsupported type ".bmp"/,
    line: 7,
    hint: /JPEG, PNG, WebP, AVIF, GIF or SVG/,
  },
  {
    name: 'a remote image URL',
    setup: article(`${frontMatter}::: figure\n![A photo](https://example.com/photo.jpg)\nCaption. **Credit**\n:::\n`),
    message: /is a remote URL; imprint fetches photos only from hosts the publisher allows/,
    line: 8,
    hint: /images: \{ fetch: \[example\.com\] \}.*download it into .*content\//,
  },
  {
    name: 'an oversized image',
    setup: async (dir) => {
      await mkdir(join(dir, 'images'));
      await copyFile(jpeg, join(dir, 'images', 'big.jpg'));
      await writeFile(
        join(dir, 'images', 'big.jpg'),
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6_000)]),
      );
      return article(`${frontMatter}![A photo](images/big.jpg)\n`)(dir);
    },
    message: /^image "images\/big.jpg" is 6\.0 kB, over the 5\.0 kB limit for an image$/,
    line: 7,
    hint: /--max-image-mb/,
  },
];

describe('bad input', () => {
  for (const { name, setup, message, line, hint } of cases) {
    it(`refuses ${name}, naming the file${line ? ' and line' : ''} and what to do`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'imprint-bad-'));
      const path = await setup(dir);
      const error = await loadArticle(path, limits)
        .then((source) => prepareArticle(source, limits))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ImprintError);
      const imprintError = error as ImprintError;
      expect(imprintError.message).toMatch(message);
      expect(imprintError.hint).toMatch(hint);
      expect(imprintError.location?.file).toBe(path);
      if (line) expect(imprintError.location?.line).toBe(line);
    });
  }

  it('accepts the fixture images, whose content matches their names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imprint-good-'));
    await copyFile(png, join(dir, 'map.png'));
    await copyFile(jpeg, join(dir, 'convoy.jpg'));
    const path = await article(`${frontMatter}![A map](map.png) ![A convoy](convoy.jpg)\n`)(dir);
    const prepared = await prepareArticle(await loadArticle(path));
    expect(prepared.images.map((image) => image.alt)).toEqual(['A map', 'A convoy']);
  });
});
