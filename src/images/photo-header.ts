// A photo's header, read without decoding its pixels: its format by content, its upright size, its colour
// space, and the pixel limit, checked before anything decodes it (a 40000 × 40000 PNG is 1.5 MB on disk and
// 6.4 GB in memory); and a HEIC photo its libvips cannot decode, refused here with how to convert it.

import { type ErrorLocation, ImprintError } from '../errors.js';
import sharp, { type Metadata } from './sharp.js';

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heif';

export interface PhotoHeader {
  format: PhotoFormat;
  /** Pixels once turned upright by its EXIF orientation. */
  width: number;
  height: number;
  /** EXIF orientation 1–8; 1 (or none) is upright already. */
  orientation: number;
  cmyk: boolean;
  hasAlpha: boolean;
  /** An animated GIF or WebP has more than one frame. */
  pages: number;
}

export async function readPhotoHeader(
  bytes: Uint8Array,
  where: ErrorLocation,
  written: string,
  maxPixels: number,
): Promise<PhotoHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImprintError(
      `image "${written}" could not be read: ${error instanceof Error ? error.message : String(error)}`,
      where,
      'Export it again as a JPEG, PNG, WebP or AVIF file.',
      { cause: error },
    );
  }
  const { width, height } = meta;
  const format = photoFormat(meta);
  if (!format || !width || !height) {
    throw new ImprintError(
      `image "${written}" is not a photo imprint can read (its content is ${meta.format ?? 'unknown'})`,
      where,
      'Export it again as a JPEG, PNG, WebP or AVIF file.',
    );
  }
  if (format === 'heif' && !canDecodeHevc()) {
    const jpeg = `${written.replace(/\.[^./\\]*$/, '')}.jpg`;
    throw new ImprintError(
      `image "${written}" is a HEIC photo (HEVC, as iPhones save them), which this build of imprint cannot decode`,
      where,
      `Convert it to JPEG and link the JPEG instead: on a Mac, File > Export in Preview or sips -s format jpeg ${written} --out ${jpeg}; on Linux, heif-convert ${written} ${jpeg}. An iPhone set to Settings > Camera > Formats > Most Compatible sends JPEGs.`,
      { rule: 'heic-unsupported' },
    );
  }
  const frameHeight = meta.pageHeight ?? height;
  if (width * frameHeight > maxPixels) {
    const megapixels = (width * frameHeight) / 1e6;
    throw new ImprintError(
      `image "${written}" is ${width} × ${frameHeight} pixels (${megapixels.toFixed(1)} megapixels), over the ${(maxPixels / 1e6).toFixed(0)}-megapixel limit for a photo`,
      where,
      'Resize it (6000 × 4000 pixels prints a full page at 300 ppi), or raise the limit with --max-image-megapixels.',
      { rule: 'image-too-large' },
    );
  }
  const orientation = meta.orientation ?? 1;
  const turned = orientation >= 5;
  return {
    format,
    width: turned ? frameHeight : width,
    height: turned ? width : frameHeight,
    orientation,
    cmyk: meta.space === 'cmyk',
    hasAlpha: meta.hasAlpha,
    pages: meta.pages ?? 1,
  };
}

/**
 * sharp's prebuilt libvips reads HEIF's header but decodes only AV1 (AVIF): HEVC's patents keep its decoder out,
 * and libvips then lists only ".avif" among the files its HEIF loader takes. A libvips built with libde265 lists
 * ".heic" too.
 */
function canDecodeHevc(): boolean {
  return sharp.format.heif?.input.fileSuffix?.includes('.heic') ?? false;
}

function photoFormat(meta: Metadata): PhotoFormat | undefined {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : 'heif';
  if (meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp' || meta.format === 'gif')
    return meta.format;
  return undefined;
}
