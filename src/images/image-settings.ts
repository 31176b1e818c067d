// How the image pipeline treats a build's photos: where processed copies are cached, the pixel limit, whether
// the photographer's position is kept, and the print box a figure's photo is fitted into.
import { join, resolve } from 'node:path';

export interface ImageSettings {
  /** The project's cache of processed copies (`.imprint-cache/images`), shared by every build of the project. */
  cacheDir: string;
  /** A photo with more pixels is refused from its header, before it is decoded. */
  maxPixels: number;
  /** imprint.yaml `images.keep_location: true`: the GPS position stays in the published copies. */
  keepLocation: boolean;
}

/** About 100 megapixels: a 12000 × 8000 scan still fits; a 40000 × 40000 pixel bomb (6.4 GB decoded) does not. */
export const defaultMaxMegapixels = 100;

export function imageSettings(
  projectDir: string,
  options: { maxImageMegapixels?: number; keepLocation?: boolean } = {},
): ImageSettings {
  return {
    cacheDir: join(resolve(projectDir), '.imprint-cache', 'images'),
    maxPixels: Math.round((options.maxImageMegapixels ?? defaultMaxMegapixels) * 1e6),
    keepLocation: options.keepLocation ?? false,
  };
}

/** The pixel densities print needs: at or under the first the photo's own bytes print; under the second it looks soft. */
export const printPpi = { target: 300, minimum: 150 } as const;

/** Screens: the EPUB copy's long side, and the widths of the web page's responsive sizes. */
export const screenSizes = { epubLongSide: 1600, webWidths: [480, 960, 1600] } as const;
