// The image pipeline for one photo of an article: read once, checked (format by content, pixel limit), its
// embedded credit and position read, and each edition's copy made, or taken from the project's cache; a
// photo whose pixels cannot be decoded is refused naming the file.
import { readFile } from 'node:fs/promises';
import { type ErrorLocation, ImprintError } from '../errors.js';
import { type EmbeddedFacts, readEmbeddedFacts } from './embedded-credit.js';
import type { ImageSettings } from './image-settings.js';
import { cachedPath, cacheKey, readCached, writeCached } from './photo-cache.js';
import { type CopyFormat, type MadeCopy, makeCopies } from './photo-copies.js';
import { type PhotoHeader, readPhotoHeader } from './photo-header.js';
import { type PhotoBox, type PrintedSize, printedSize } from './print-size.js';
import { cleanSvg } from './svg-clean.js';
import { creditXmp, type PhotoCredit } from './xmp-credit.js';

/** One copy of the photo in the cache, as an edition refers to it. */
export interface PhotoCopy {
  path: string;
  format: CopyFormat;
  width: number;
  height: number;
}

export interface PhotoCopies {
  print: PhotoCopy;
  epub: PhotoCopy;
  web: { fallback: PhotoCopy[]; avif: PhotoCopy[] };
}

/** What the pipeline learnt from the file before making copies: enough for captions and checks. */
export interface PhotoFacts {
  bytes: Buffer;
  /** Undefined for an SVG, which has no pixels to count. */
  header: PhotoHeader | undefined;
  embedded: EmbeddedFacts;
  /** How it prints on the article's page. */
  printed: PrintedSize | undefined;
}

export async function readPhotoFacts(
  path: string,
  where: ErrorLocation,
  written: string,
  settings: ImageSettings,
  box: PhotoBox,
): Promise<PhotoFacts> {
  const bytes = await readFile(path);
  if (isSvg(path))
    return { bytes, header: undefined, embedded: { credit: {}, location: undefined }, printed: undefined };
  const header = await readPhotoHeader(bytes, where, written, settings.maxPixels);
  const embedded = await readEmbeddedFacts(bytes);
  return { bytes, header, embedded, printed: printedSize(header.width, header.height, box) };
}

/** Each edition's copy, with `credit` (the photo's, completed by the figure's) in every copy's XMP. */
export async function photoCopies(
  facts: PhotoFacts,
  credit: PhotoCredit,
  settings: ImageSettings,
  where: ErrorLocation,
  written: string,
): Promise<{ copies: PhotoCopies; cached: boolean }> {
  const { bytes, header, printed, embedded } = facts;
  const location = settings.keepLocation ? embedded.location : undefined;
  const xmp = creditXmp(credit, location);
  const recipe = { kind: header ? 'photo' : 'svg', xmp, printWidth: printed?.targetWidth ?? null };
  const key = cacheKey(bytes, recipe);
  const known = await readCached<DescribedCopies>(settings.cacheDir, key);
  if (known) return { copies: locate(settings.cacheDir, key, known), cached: true };

  let made: DescribedCopies;
  let files: MadeCopy[];
  if (!header) {
    const svg: MadeCopy = {
      name: 'image.svg',
      format: 'svg',
      width: 0,
      height: 0,
      bytes: cleanSvg(bytes, where, written),
    };
    files = [svg];
    made = { print: describe(svg), epub: describe(svg), web: { fallback: [describe(svg)], avif: [] } };
  } else {
    const copies = await makeCopies(bytes, {
      header,
      printWidth: printed?.targetWidth ?? header.width,
      xmp,
      location,
      maxPixels: settings.maxPixels,
    }).catch((error: unknown) => {
      // A header that reads but pixels that do not (a truncated download, a damaged card): the file and line, not libvips' words alone.
      const reason = (error instanceof Error ? error.message : String(error))
        .trim()
        .split(/\s*\n\s*/)
        .join('; ');
      throw new ImprintError(
        `image "${written}" could not be decoded: ${reason}`,
        where,
        'Export it again as a JPEG, PNG, WebP or AVIF file.',
        { cause: error },
      );
    });
    files = [copies.print, copies.epub, ...copies.web.fallback, ...copies.web.avif];
    made = {
      print: describe(copies.print),
      epub: describe(copies.epub),
      web: { fallback: copies.web.fallback.map(describe), avif: copies.web.avif.map(describe) },
    };
  }
  const unique = [...new Map(files.map((file) => [file.name, file])).values()];
  await writeCached(settings.cacheDir, key, unique, made);
  return { copies: locate(settings.cacheDir, key, made), cached: false };
}

export function isSvg(path: string): boolean {
  return /\.svg$/i.test(path);
}

type DescribedCopy = Omit<PhotoCopy, 'path'> & { name: string };
interface DescribedCopies {
  print: DescribedCopy;
  epub: DescribedCopy;
  web: { fallback: DescribedCopy[]; avif: DescribedCopy[] };
}

function describe({ name, format, width, height }: MadeCopy): DescribedCopy {
  return { name, format, width, height };
}

function locate(cacheDir: string, key: string, described: DescribedCopies): PhotoCopies {
  const at = ({ name, ...rest }: DescribedCopy): PhotoCopy => ({ path: cachedPath(cacheDir, key, name), ...rest });
  return {
    print: at(described.print),
    epub: at(described.epub),
    web: { fallback: described.web.fallback.map(at), avif: described.web.avif.map(at) },
  };
}
