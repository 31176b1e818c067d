// What an agency photo says of itself: its caption, credit line, creator, copyright and source from IPTC
// (IIM) and XMP, read with exifr, and whether it carries the photographer's GPS position. exifr finds them
// in a JPEG's segments; in WebP, AVIF and PNG it finds no XMP (nor WebP's or AVIF's EXIF), so the EXIF and
// XMP blocks libvips (sharp) extracts from any container are read with exifr too.
import exifr, * as exifrModule from 'exifr';
import sharp from './sharp.js';
import type { PhotoCredit } from './xmp-credit.js';

export interface EmbeddedFacts {
  credit: PhotoCredit;
  /** The GPS position, when the file has one (it is never published unless images.keep_location is set). */
  location: { latitude: number; longitude: number } | undefined;
}

export async function readEmbeddedFacts(bytes: Uint8Array): Promise<EmbeddedFacts> {
  // What the file's own segments say wins; the blocks sharp extracts fill in what exifr could not reach.
  const tags = { ...(await blockTags(bytes)), ...(await fileTags(bytes)) };
  // XMP's names first (UTF-8 by definition), then IPTC IIM's (what older wire systems write), then EXIF's.
  const pick = (...names: string[]) => names.map((name) => textOf(tags[name])).find((value) => value !== undefined);
  const credit: PhotoCredit = {};
  const fields: [keyof PhotoCredit, string[]][] = [
    ['caption', ['description', 'Caption', 'ImageDescription']],
    ['credit', ['Credit', 'CreditLine']],
    ['creator', ['creator', 'Byline', 'Artist']],
    ['copyright', ['rights', 'CopyrightNotice', 'Copyright']],
    ['source', ['Source']],
  ];
  for (const [field, names] of fields) {
    const value = pick(...names);
    if (value !== undefined) credit[field] = value;
  }
  const { latitude, longitude } = tags;
  const location =
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude)
      ? { latitude, longitude }
      : undefined;
  return { credit, location };
}

type Tags = Record<string, unknown>;

/**
 * exifr's XMP reader. Node loads exifr's CommonJS build, whose default export has it; bundlers (vitest) load its
 * ES build, whose default export lacks it and whose named export has it.
 */
const readXmp: typeof exifr.sidecar = (exifrModule as Partial<typeof exifrModule>).sidecar ?? exifr.sidecar.bind(exifr);

// What exifr reads, each one object for the whole process: exifr keeps every options object it is given in a
// Map for good (Options.useCached), so a literal per call kept 6–7 kB per photo read, 13 MB of heap after
// planning 2,000 articles; a build reads each photo twice.
const fileSegments = { tiff: true, exif: false, gps: true, iptc: true, xmp: true, icc: false, mergeOutput: true };
const exifBlock = { tiff: true, exif: false, gps: true, mergeOutput: true };
const xmpBlock = {};

/** A file whose metadata cannot be read is a photo without embedded facts, not a broken photo: sharp decides that. */
async function fileTags(bytes: Uint8Array): Promise<Tags> {
  const tags = await exifr.parse(Buffer.from(bytes), fileSegments).catch(() => undefined);
  return (tags ?? {}) as Tags;
}

/** The EXIF (TIFF, after WebP's and AVIF's "Exif\0\0") and XMP blocks sharp reads from the header, XMP's namespaces merged. */
async function blockTags(bytes: Uint8Array): Promise<Tags> {
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  if (!meta) return {};
  const exif =
    meta.exif && meta.exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? meta.exif.subarray(6) : meta.exif;
  const [fromExif, fromXmp] = await Promise.all([
    exif && exif.length > 8 ? exifr.parse(exif, exifBlock).catch(() => undefined) : undefined,
    meta.xmp ? readXmp(meta.xmp, xmpBlock, 'xmp').catch(() => undefined) : undefined,
  ]);
  const namespaces = Object.entries((fromXmp ?? {}) as Tags)
    .filter(([name, value]) => name !== 'xmlns' && typeof value === 'object' && value !== null)
    .map(([, value]) => value as Tags);
  return Object.assign({}, (fromExif ?? {}) as Tags, ...namespaces) as Tags;
}

/** exifr gives a field as a string, a list (dc:creator's Seq, IPTC's repeated By-line) or a language alternative. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return utf8Read(value).trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value instanceof Uint8Array) return textOf(Buffer.from(value).toString('utf8'));
  if (typeof value === 'object' && value !== null && 'value' in value)
    return textOf((value as { value: unknown }).value);
  return undefined;
}

/**
 * exifr reads IPTC IIM as Latin-1 whatever its character set record says; agencies write UTF-8 ("©" arrives as
 * "Â©"). Text whose Latin-1 bytes are valid UTF-8 with multi-byte sequences was UTF-8.
 */
function utf8Read(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? text : decoded;
}
