// What a reader sees on a page: the PDF rasterised by poppler (pdftoppm), as RGB pixels to count colours in.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  rgb: Buffer;
}

/** Page `page` (1-based) of a PDF at `dpi`. */
export async function rasterisePage(pdf: Uint8Array, page: number, dpi = 50): Promise<Raster> {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-raster-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'page'),
    ]);
    return parsePpm(await readFile(join(dir, 'page.ppm')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parsePpm(bytes: Buffer): Raster {
  // P6 <width> <height> <maxval> then one whitespace byte, then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** How many pixels in the band of rows [top, bottom) (fractions of the height) are within `tolerance` of `hex`. */
export function countColour(raster: Raster, hex: string, { top = 0, bottom = 1, tolerance = 24 } = {}): number {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let y = Math.floor(raster.height * top); y < Math.floor(raster.height * bottom); y++) {
    for (let x = 0; x < raster.width; x++) {
      const at = (y * raster.width + x) * 3;
      if (target.every((value, channel) => Math.abs(raster.rgb[at + channel]! - value) <= tolerance)) count++;
    }
  }
  return count;
}
