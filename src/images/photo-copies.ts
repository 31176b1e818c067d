// Each edition's copy of one photo, made from a single decode: upright (EXIF orientation applied), in sRGB,
// carrying only the credit XMP (and the position, when images.keep_location publishes it). Print keeps the
// photo's own bytes when they are a JPEG or PNG at or under 300 ppi (metadata dropped without re-encoding),
// else 300 ppi; the EPUB gets at most 1600 px on the long side; the web page a JPEG (or PNG) and an AVIF at
// each responsive width (AVIF: half a JPEG's bytes at the same look, where WebP often saves little on photos
// with grain).

import { screenSizes } from './image-settings.js';
import { type GpsPosition, locationExif } from './location-exif.js';
import { jpegWithOnlyCredit, pngWithOnlyCredit } from './original-bytes.js';
import type { PhotoHeader } from './photo-header.js';
import sharp, { type Sharp } from './sharp.js';

export type CopyFormat = 'jpeg' | 'png' | 'avif' | 'gif' | 'svg';

export interface MadeCopy {
  /** Its file name in the photo's cache folder. */
  name: string;
  format: CopyFormat;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface MadeCopies {
  print: MadeCopy;
  epub: MadeCopy;
  /** Narrowest first, one per responsive width: the fallback format and AVIF. */
  web: { fallback: MadeCopy[]; avif: MadeCopy[] };
}

const quality = { print: 92, screen: 80, avif: 50 } as const;

export interface CopyRecipe {
  header: PhotoHeader;
  /** The print copy's width: the photo's own when it is at or under 300 ppi printed. */
  printWidth: number;
  xmp: string;
  /** Written to the re-encoded copies' EXIF too, when images.keep_location publishes it. */
  location?: GpsPosition | undefined;
  maxPixels: number;
}

export async function makeCopies(
  bytes: Uint8Array,
  { header, printWidth, xmp, location, maxPixels }: CopyRecipe,
): Promise<MadeCopies> {
  if (header.format === 'gif') return gifCopies(bytes, header);
  // Decoded once; every copy is made from these pixels.
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels })
    .rotate()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const pixels = (width: number): Sharp => {
    const image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    // Fitted into width × its share of the height, rounded down, so 6000 × 4000 turned upright at 1067 wide is 1600 tall, not 1601.
    const height = Math.max(1, Math.floor((width * info.height) / info.width));
    return width < info.width ? image.resize({ width, height, fit: 'inside', kernel: 'lanczos3' }) : image;
  };
  const encode = async (width: number, format: 'jpeg' | 'png' | 'avif', q: number, name: string): Promise<MadeCopy> => {
    let image = pixels(width);
    if (format === 'jpeg')
      image = image
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: q, mozjpeg: true, chromaSubsampling: q >= 90 ? '4:4:4' : '4:2:0' });
    else if (format === 'png') image = image.png({ compressionLevel: 9, adaptiveFiltering: true });
    else image = image.avif({ quality: q, effort: 2, chromaSubsampling: '4:2:0' });
    image = image.withXmp(xmp);
    if (location) image = image.withExif(locationExif(location));
    const { data: out, info: made } = await image.toBuffer({ resolveWithObject: true });
    return {
      name: `${name}.${format === 'jpeg' ? 'jpg' : format}`,
      format,
      width: made.width,
      height: made.height,
      bytes: out,
    };
  };

  const print = await printCopy(bytes, header, printWidth, xmp, () =>
    encode(printWidth, header.format === 'png' || header.hasAlpha ? 'png' : 'jpeg', quality.print, 'print'),
  );
  const screenFormat = await screenFormatFor(header, (format) =>
    encode(Math.min(info.width, 480), format, quality.screen, 'probe'),
  );
  // Screens get at most 1600 px on the long side: a portrait photo is as tall as a landscape one is wide.
  const screenWidth = Math.round(
    Math.min(1, screenSizes.epubLongSide / Math.max(info.width, info.height)) * info.width,
  );
  const widths = responsiveWidths(screenWidth);
  const [epub, fallback, avif] = await Promise.all([
    encode(screenWidth, screenFormat, quality.screen, 'epub'),
    Promise.all(widths.map((width) => encode(width, screenFormat, quality.screen, `web-${width}`))),
    screenFormat === 'jpeg'
      ? Promise.all(widths.map((width) => encode(width, 'avif', quality.avif, `web-${width}`)))
      : Promise.resolve([]),
  ]);
  // AVIF for photos, where it saves bytes; line art stays lossless PNG, whose edges lossy AVIF would blur.
  const avifSaves = avif.length > 0 && avif.at(-1)!.bytes.length < fallback.at(-1)!.bytes.length;
  return { print, epub, web: { fallback, avif: avifSaves ? avif : [] } };
}

/** The photo's own bytes when print can take them as they are: nothing to turn, convert or shrink. */
async function printCopy(
  bytes: Uint8Array,
  header: PhotoHeader,
  printWidth: number,
  xmp: string,
  reencode: () => Promise<MadeCopy>,
): Promise<MadeCopy> {
  const asIs = header.orientation <= 1 && !header.cmyk && printWidth >= header.width;
  const own = !asIs
    ? undefined
    : header.format === 'jpeg'
      ? jpegWithOnlyCredit(bytes, xmp)
      : header.format === 'png'
        ? pngWithOnlyCredit(bytes, xmp)
        : undefined;
  if (!own) return reencode();
  const format = header.format === 'png' ? 'png' : 'jpeg';
  return {
    name: `print.${format === 'png' ? 'png' : 'jpg'}`,
    format,
    width: header.width,
    height: header.height,
    bytes: own,
  };
}

/**
 * JPEG for photos; PNG for line art (a chart, a map, a logo: PNG sources that PNG keeps small) and for
 * pictures with transparency, which JPEG cannot carry.
 */
async function screenFormatFor(
  header: PhotoHeader,
  sample: (format: 'jpeg' | 'png') => Promise<MadeCopy>,
): Promise<'jpeg' | 'png'> {
  if (header.hasAlpha) return 'png';
  if (header.format !== 'png') return 'jpeg';
  const [png, jpeg] = await Promise.all([sample('png'), sample('jpeg')]);
  return png.bytes.length <= 2 * jpeg.bytes.length ? 'png' : 'jpeg';
}

/** 480, 960 and 1600 px, those the photo has the pixels for, and its own width when it is narrower. */
export function responsiveWidths(width: number): number[] {
  const fitting = screenSizes.webWidths.filter((candidate) => candidate < width);
  return width <= screenSizes.webWidths.at(-1)! ? [...fitting, width] : fitting;
}

/** A GIF may be animated, and has no EXIF to strip: every edition shows it as it is. */
function gifCopies(bytes: Uint8Array, header: PhotoHeader): MadeCopies {
  const copy: MadeCopy = {
    name: 'image.gif',
    format: 'gif',
    width: header.width,
    height: header.height,
    bytes: Buffer.from(bytes),
  };
  return { print: copy, epub: copy, web: { fallback: [copy], avif: [] } };
}
