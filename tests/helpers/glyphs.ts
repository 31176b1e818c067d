// What a PDF really draws, glyph by glyph (MuPDF's mutool trace): the .notdef glyphs (glyph 0, an empty box
// where a font had no glyph for a character), and the lines of text with their left and right edges.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** How many glyphs the PDF draws as glyph 0, on every page. */
export async function notdefGlyphs(path: string): Promise<number> {
  const { stdout } = await promisify(execFile)('mutool', ['trace', path], { maxBuffer: 256 * 1024 * 1024 });
  return (stdout.match(/glyph="0"/g) ?? []).length;
}

/** The PDF's text layer in content order, as poppler reads it (what search and copy-paste get). */
export async function rawText(path: string): Promise<string> {
  return (await promisify(execFile)('pdftotext', ['-raw', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export interface TextLine {
  /** Distance from the page's bottom, in points. */
  y: number;
  left: number;
  right: number;
  text: string;
}

/** The text lines of a page (pdf.js), top to bottom, with where each starts and ends on the page. */
export async function pageLines(bytes: Uint8Array, pageNumber = 1): Promise<{ width: number; lines: TextLine[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await pdf.getPage(pageNumber);
  const { width } = page.getViewport({ scale: 1 });
  const byY = new Map<number, TextLine>();
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const y = Math.round(item.transform[5]! as number);
    const left = item.transform[4]! as number;
    const line = byY.get(y) ?? { y, left, right: left, text: '' };
    line.left = Math.min(line.left, left);
    line.right = Math.max(line.right, left + item.width);
    line.text += item.str;
    byY.set(y, line);
  }
  await pdf.destroy();
  return { width, lines: [...byY.values()].sort((a, b) => b.y - a.y) };
}
