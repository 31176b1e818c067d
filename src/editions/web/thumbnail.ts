// A small picture of a PDF's first page, as the reader will see it, rendered from the PDF itself by poppler's
// pdftoppm (not from the HTML it was made from): for the web edition's download links. It carries the lead
// photo's credit in its XMP, as every other copy of the photo does (the page pictures the photo); sharp
// writes the JPEG from pdftoppm's raw pixels (PPM: no compression to undo), so the XMP goes in with one encode.
// Poppler stays a child process: PDFium in WebAssembly, tried in-process, took 2–3× its CPU per page here.
import { spawn } from 'node:child_process';
import { ImprintError } from '../../errors.js';
import sharp from '../../images/sharp.js';
import { creditXmp, hasCredit, type PhotoCredit } from '../../images/xmp-credit.js';

/** Longest side of the thumbnail, in pixels: sharp at 160 CSS pixels on a 2× screen. */
const thumbnailSize = 320;

/** `credit`: the lead photo's, when the publication has one (its caption describes the photo, not the page: left out). */
export async function pdfFirstPageJpeg(pdf: Uint8Array, timeoutMs: number, credit?: PhotoCredit): Promise<Uint8Array> {
  const { pixels, width, height } = fromPpm(await firstPagePpm(pdf, timeoutMs));
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({
    quality: 80,
    chromaSubsampling: '4:2:0',
  });
  const { caption: _caption, ...photoCredit } = credit ?? {};
  return hasCredit(photoCredit) ? image.withXmp(creditXmp(photoCredit)).toBuffer() : image.toBuffer();
}

/** A binary PPM (P6, 8-bit) as pdftoppm writes it: a text header of magic, width, height and maximum, then RGB rows. */
function fromPpm(ppm: Buffer): { pixels: Buffer; width: number; height: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote something other than an 8-bit PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length);
  if (pixels.length !== width * height * 3) throw new Error('pdftoppm wrote a PPM shorter than its size');
  return { pixels, width, height };
}

function firstPagePpm(pdf: Uint8Array, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftoppm', ['-scale-to', String(thumbnailSize), '-f', '1', '-l', '1', '-singlefile', '-'], {
      timeout: timeoutMs,
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new ImprintError(
              'pdftoppm is not installed: the web edition needs it for its thumbnails',
              undefined,
              'Install poppler-utils (npm run setup does), or build without html in --formats.',
            )
          : error,
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else
        reject(new Error(`pdftoppm ${signal ? `was stopped (${signal})` : `exited with ${code}`}: ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined); // a pdftoppm that exits early closes its input; the exit code says why
    child.stdin.end(pdf);
  });
}
