// Print page numbers in the EPUB: where each page of the print edition begins, found in the print PDF itself
// (poppler's pdftotext, page by page), and marked in the EPUB chapter with an epub:type="pagebreak" element at
// that point of the text, so that an e-reader user can cite "page 3" of the printed article.
import { spawn } from 'node:child_process';
import render from 'dom-serializer';
import { type ChildNode, Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** The text of each page of a PDF, in reading order. */
export function pdfPageTexts(pdf: Uint8Array, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-enc', 'UTF-8', '-', '-'], { timeout: timeoutMs });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // pdftotext ends every page with a form feed.
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8').split('\f').slice(0, -1));
      else
        reject(new Error(`pdftotext ${signal ? `was stopped (${signal})` : `exited with ${code}`}: ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}

/** How many letters of a page's first text identify where it begins. */
const snippetLength = 40;

/**
 * The first words of each page after the first, without the running head that tops them: what to look for
 * in the chapter. Compared letter for letter: spaces, hyphens (soft or hard: print hyphenates), and case
 * (print sets credits in capitals) are left out.
 */
export function pageStarts(pageTexts: readonly string[], runningHead: string): string[] {
  const head = letters(runningHead);
  return pageTexts.slice(1).map((text) => {
    const body = letters(text);
    return (body.startsWith(head) ? body.slice(head.length) : body).slice(0, snippetLength);
  });
}

function letters(text: string): string {
  // NFKC: a PDF's text may keep a ligature (ﬀ) as one character.
  return text
    .normalize('NFKC')
    .replace(/[\s\u00AD\-‐‑]/g, '')
    .toLowerCase();
}

/**
 * The chapter's HTML with a page break marker before its first element (`firstPage`, where the chapter's
 * print pages begin) and where each later page begins; `starts[i]` is where page firstPage + i + 1 begins.
 * Returns the pages marked, in order: a page whose start is not found (it cannot be, unless the print layout
 * and the chapter differ) gets no marker.
 */
export function markPageBreaks(
  html: string,
  starts: readonly string[],
  firstPage = 1,
): { html: string; pages: number[] } {
  const doc = parseDocument(html);
  const texts: Text[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node instanceof Text) texts.push(node);
      else if (node instanceof Element) walk(node.children);
    }
  };
  walk(doc.children);
  // Every letter of the chapter's text, with the text node (its index in `texts`) and offset it comes from,
  // kept as plain numbers: a 1.5 MB chapter has 1.5 million letters, and an object for each took a second
  // of the event loop, most of it the collector's.
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const parts: string[] = [];
  texts.forEach((node, index) => {
    const { data } = node;
    if (/^[\x00-\x7f]*$/.test(data)) {
      // ASCII is its own NFKC form: a letter is itself, lower-cased; spaces and hyphens drop out.
      parts.push(data.toLowerCase().replace(/[\s-]/g, ''));
      for (let offset = 0; offset < data.length; offset++) {
        const code = data.charCodeAt(offset);
        // A hyphen, or what \s matches in ASCII: tab, line feed, vertical tab, form feed, return, space.
        if (code === 0x2d || code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
        nodeOf.push(index);
        offsetOf.push(offset);
      }
      return;
    }
    // A letter and the combining marks after it are normalised together (e + U+0301 is é, as in the PDF's
    // text), and a character outside the BMP stays whole.
    for (const { 0: cluster, index: offset } of data.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const letter = letters(cluster);
      if (letter === '') continue;
      parts.push(letter);
      for (let i = 0; i < letter.length; i++) {
        nodeOf.push(index);
        offsetOf.push(offset);
      }
    }
  });
  const all = parts.join('');
  const where = (at: number) => ({ node: texts[nodeOf[at]!]!, offset: offsetOf[at]! });
  const pages = [firstPage];
  const cuts: { node: Text; offset: number; page: number }[] = [];
  let from = 0;
  starts.forEach((start, index) => {
    const at = start === '' ? -1 : all.indexOf(start, from);
    if (at < 0) return;
    cuts.push({ ...where(at), page: firstPage + index + 1 });
    pages.push(firstPage + index + 1);
    from = at + start.length;
  });
  // Later cuts first, so that earlier offsets in the same text node stay valid.
  for (const { node, offset, page } of cuts.reverse()) {
    const after = new Text(node.data.slice(offset));
    node.data = node.data.slice(0, offset);
    const parent = node.parent!;
    const index = parent.children.indexOf(node);
    const siblings = [marker(page), after];
    parent.children.splice(index + 1, 0, ...siblings);
    for (const sibling of siblings) sibling.parent = parent;
  }
  const first = marker(firstPage);
  doc.children.unshift(first);
  first.parent = doc;
  relink(doc.children);
  for (const { node } of cuts) relink(node.parent!.children);
  return { html: render(doc, { encodeEntities: 'utf8' }), pages };
}

/** `<span epub:type="pagebreak" role="doc-pagebreak" id="page-N" aria-label="N"/>`. */
function marker(page: number): Element {
  return new Element('span', {
    'epub:type': 'pagebreak',
    role: 'doc-pagebreak',
    id: `page-${page}`,
    'aria-label': String(page),
  });
}

/** Keeps the siblings' links right after a splice (the serializer does not need them; other walkers may). */
function relink(nodes: ChildNode[]): void {
  nodes.forEach((node, i) => {
    node.prev = nodes[i - 1] ?? null;
    node.next = nodes[i + 1] ?? null;
  });
}
