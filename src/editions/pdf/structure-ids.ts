// Chromium names the tagged PDF's structure elements (table headers, their /Headers references and the
// /IDTree) after DOM node IDs, which count across everything the renderer has loaded: the same article
// gets other numbers after a different page. Renumbering them in order makes the PDF reproducible; the
// zero-padded numbers keep their sort order, so the ID tree stays sorted.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, type PDFObject, PDFString } from 'pdf-lib';

const nodeId = /^node(\d+)$/;

export function renumberStructureIds(doc: PDFDocument): void {
  const found = new Set<string>();
  visitStrings(doc, (text) => {
    if (nodeId.test(text)) found.add(text);
    return undefined;
  });
  const ordered = [...found].sort((a, b) => Number(nodeId.exec(a)![1]) - Number(nodeId.exec(b)![1]));
  const renamed = new Map(ordered.map((old, i) => [old, `node${String(i + 1).padStart(8, '0')}`]));
  visitStrings(doc, (text) => renamed.get(text));
}

/** Calls `change` on every text string in the document; a returned value replaces it. */
function visitStrings(doc: PDFDocument, change: (text: string) => string | undefined): void {
  const seen = new Set<PDFObject>();
  const replace = (value: PDFObject): PDFObject | undefined => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const next = change(value.decodeText());
      return next === undefined ? undefined : PDFString.of(next);
    }
    walk(value);
    return undefined;
  };
  const walk = (object: PDFObject): void => {
    if (seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const next = replace(value);
        if (next) object.set(key, next);
      }
    } else if (object instanceof PDFArray) {
      object.asArray().forEach((value, i) => {
        const next = replace(value);
        if (next) object.set(i, next);
      });
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    walk(
      object instanceof PDFDict || object instanceof PDFArray
        ? object
        : ((object as { dict?: PDFDict }).dict ?? object),
    );
  }
}
