// Points a body's images at the copies an edition carries: the print page at the print copy, the EPUB at its
// screen copy, the web page at a responsive <picture> (AVIF and a JPEG or PNG fallback, every width in a
// srcset, and the photo's width and height so the page does not jump while it loads).
import { pathToFileURL } from 'node:url';
import type { PhotoCopies, PhotoCopy } from './process-photo.js';

export type ImageEdition = 'print' | 'epub' | 'web';

/** A photo of the body: the URL the body was rendered with, and its copies. */
export interface PublishedPhoto {
  path: string;
  copies?: PhotoCopies | undefined;
}

/** How wide the web page shows a photo: its column, or the screen on a phone (web.css). */
const webSizes = '(min-width: 44rem) 40rem, 100vw';

export function withEditionImages(html: string, photos: readonly PublishedPhoto[], edition: ImageEdition): string {
  let out = html;
  for (const { path, copies } of photos) {
    if (!copies) continue;
    const written = escapeAttribute(pathToFileURL(path).href);
    const tags = new RegExp(`<img\\b[^>]*\\ssrc="${escapeRegExp(written)}"[^>]*>`, 'g');
    out = out.replace(tags, (tag) => {
      if (edition !== 'web') return tag.replace(` src="${written}"`, ` src="${urlOf(copies[edition])}"`);
      const { fallback, avif } = copies.web;
      const largest = fallback.at(-1)!;
      const attributes = [
        ` src="${urlOf(largest)}"`,
        largest.width > 0 ? ` width="${largest.width}" height="${largest.height}"` : '',
        fallback.length > 1 ? ` srcset="${srcset(fallback)}" sizes="${webSizes}"` : '',
      ].join('');
      const img = tag.replace(` src="${written}"`, attributes);
      return avif.length > 0
        ? `<picture><source type="image/avif" srcset="${srcset(avif)}" sizes="${webSizes}">${img}</picture>`
        : img;
    });
  }
  return out;
}

function srcset(copies: readonly PhotoCopy[]): string {
  return copies.map((copy) => `${urlOf(copy)} ${copy.width}w`).join(', ');
}

/** A comma would split a srcset entry: encoded, it names the same file. */
function urlOf(copy: PhotoCopy): string {
  return escapeAttribute(pathToFileURL(copy.path).href.replace(/,/g, '%2C'));
}

/** As markdown-it writes an attribute. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
