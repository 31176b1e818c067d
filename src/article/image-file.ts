// Checks an image an article refers to: it exists, stays inside the article's folder (symlinks resolved),
// is not over the size limit, and is the type its name says (judged by its first bytes, not its name).
import { open, realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type ErrorLocation, ImprintError } from '../errors.js';
import { formatSize } from '../format-size.js';
import { isOutside } from '../paths.js';

type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic' | 'svg';
const typeByExtension: Record<string, ImageType> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.gif': 'gif',
  '.webp': 'webp',
  '.avif': 'avif',
  '.heic': 'heic',
  '.heif': 'heic',
  '.svg': 'svg',
};

export async function checkImageFile(
  path: string,
  articleDir: string,
  maxBytes: number,
  where: ErrorLocation,
  written: string,
): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile()) {
    throw new ImprintError(
      `image "${written}" not found (looked for ${path})`,
      where,
      'Add the image file, or remove the image and keep the caption.',
    );
  }
  const [realImage, realDir] = await Promise.all([realpath(path), realpath(articleDir)]);
  if (isOutside(realDir, realImage)) {
    throw new ImprintError(
      `image "${written}" is a link to ${realImage}, outside the article's folder`,
      where,
      `Copy the image into ${articleDir} instead of linking to it.`,
    );
  }
  if (found.size > maxBytes) {
    throw new ImprintError(
      `image "${written}" is ${formatSize(found.size)}, over the ${formatSize(maxBytes)} limit for an image`,
      where,
      'Resize or recompress it (a 2000-pixel JPEG is plenty for print), or raise the limit with --max-image-mb.',
    );
  }
  const named = typeByExtension[extname(path).toLowerCase()];
  if (!named) {
    throw new ImprintError(
      `image "${written}" has an unsupported type "${extname(path)}"`,
      where,
      'Use a JPEG, PNG, WebP, AVIF, GIF or SVG file.',
    );
  }
  const actual = sniff(await firstBytes(path, 512));
  if (actual !== named) {
    throw new ImprintError(
      `image "${written}" is named as ${named.toUpperCase()} but its content is ${actual ? actual.toUpperCase() : 'not an image'}`,
      where,
      'Export the image again in the format its name says, or rename it to match its content.',
    );
  }
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(count), 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function sniff(head: Buffer): ImageType | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a')
    return 'gif';
  // ISO BMFF: an ftyp box naming the brand (AVIF still images and sequences; HEIC from phones, refused by photo-header.ts as this sharp cannot decode it).
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brands = head.subarray(8, Math.min(head.length, 8 + head.readUInt32BE(0) - 8)).toString('latin1');
    if (/avif|avis/.test(brands)) return 'avif';
    if (/heic|heix|heim|heis|mif1/.test(brands)) return 'heic';
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'webp';
  if (
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^[>]*(\[[\s\S]*?\])?\s*>\s*)?<svg[\s>]/i.test(
      head.toString('utf8'),
    )
  )
    return 'svg';
  return undefined;
}
