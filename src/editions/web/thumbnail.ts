// A small picture of a PDF's first page, as the reader will see it, rendered from the PDF itself by poppler's
// pdftoppm (not from the HTML it was made from): for the web edition's download links.
import { spawn } from 'node:child_process';
import { ImprintError } from '../../errors.js';

/** Longest side of the thumbnail, in pixels: sharp at 160 CSS pixels on a 2× screen. */
const thumbnailSize = 320;

export function pdfFirstPageJpeg(pdf: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'pdftoppm',
      ['-jpeg', '-jpegopt', 'quality=80', '-scale-to', String(thumbnailSize), '-f', '1', '-l', '1', '-singlefile', '-'],
      { timeout: timeoutMs },
    );
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
