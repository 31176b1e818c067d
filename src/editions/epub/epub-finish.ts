// Fixes what epub-gen-memory leaves behind, and makes the container reproducible:
// content-hash image names instead of random UUIDs, empty alt instead of "image-placeholder",
// the cover image and cover page, extra files, mimetype first and stored, every entry dated `date`.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';

export interface ExtraFile {
  /** Path inside OEBPS/. */
  name: string;
  bytes: Uint8Array | string;
}

const textFile = /\.(xhtml|opf|ncx)$/;
/** Already compressed: deflating them again costs time (pako runs on the build's main thread) and saves nothing. */
const compressedMedia = /\.(jpe?g|png|gif|webp|woff2?)$/i;
const generatedImage = /^OEBPS\/(images\/[0-9a-f-]{36}\.[a-z0-9]+)$/;

export async function finishEpub(
  generated: Uint8Array,
  date: Date,
  extraFiles: readonly ExtraFile[],
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(generated);
  const files = new Map<string, Uint8Array | string>();
  for (const [name, entry] of Object.entries(source.files)) {
    if (!entry.dir && name !== 'mimetype')
      files.set(name, textFile.test(name) ? await entry.async('string') : await entry.async('uint8array'));
  }

  const renames = new Map<string, string>();
  for (const [name, bytes] of files) {
    const match = generatedImage.exec(name);
    if (!match?.[1]) continue;
    const extension = match[1].slice(match[1].lastIndexOf('.'));
    renames.set(match[1], `images/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${extension}`);
  }

  const out = new JSZip();
  // No folder entries: JSZip would date them "now", and an EPUB does not need them.
  out.file('mimetype', 'application/epub+zip', { compression: 'STORE', date, createFolders: false });
  const entries = [...files].map(([name, content]) => {
    const inside = name.replace(/^OEBPS\//, '');
    const renamed = renames.has(inside) ? `OEBPS/${renames.get(inside)}` : name;
    return [renamed, typeof content === 'string' ? fixText(content, renames) : content] as const;
  });
  for (const file of extraFiles) entries.push([`OEBPS/${file.name}`, file.bytes]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, content] of entries)
    out.file(name, content, {
      date,
      compression: compressedMedia.test(name) ? 'STORE' : 'DEFLATE',
      createFolders: false,
    });
  return out.generateAsync({ type: 'uint8array', compressionOptions: { level: 9 }, mimeType: 'application/epub+zip' });
}

function fixText(text: string, renames: ReadonlyMap<string, string>): string {
  let fixed = text.replaceAll('alt="image-placeholder"', 'alt=""');
  for (const [from, to] of renames) fixed = fixed.replaceAll(from, to);
  return fixed;
}
