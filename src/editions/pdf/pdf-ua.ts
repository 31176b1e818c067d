// PDF/UA-1 for the print edition: what Chromium's tags lack, added; and whether the result meets the parts of
// ISO 14289-1 that can be checked here (the Matterhorn Protocol failure conditions listed in uaProblems), so
// that the file claims PDF/UA only when it holds.
// Chromium tags a <figure> as a Figure around the image's own Figure and the Caption: the outer one has no
// alternative text and is a grouping, not a picture (and a figure whose photo is missing holds only its
// caption), so it becomes a Div. Its links are tagged (Link with an object reference) but have no alternate
// description: each gets its destination as /Contents.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

const name = (value: string) => PDFName.of(value);

interface StructElement {
  dict: PDFDict;
  type: string;
  children: StructElement[];
  /** Object references (annotations) among its kids. */
  objects: PDFRef[];
}

/** The structure tree as plain nodes (pdf-lib keeps it as dictionaries). */
export function structureTree(doc: PDFDocument): StructElement[] {
  const root = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const element = (dict: PDFDict): StructElement => {
    const node: StructElement = {
      dict,
      type: dict.lookupMaybe(name('S'), PDFName)?.decodeText() ?? '',
      children: [],
      objects: [],
    };
    for (const kid of kids(doc, dict.get(name('K')))) {
      if (!(kid instanceof PDFDict)) continue;
      if (kid.lookupMaybe(name('Type'), PDFName)?.decodeText() === 'OBJR') {
        const object = kid.get(name('Obj'));
        if (object instanceof PDFRef) node.objects.push(object);
      } else if (kid.has(name('S'))) {
        node.children.push(element(kid));
      }
    }
    return node;
  };
  return kids(doc, root.get(name('K')))
    .filter((kid): kid is PDFDict => kid instanceof PDFDict)
    .map(element);
}

function kids(doc: PDFDocument, value: PDFObject | undefined): PDFObject[] {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (resolved instanceof PDFArray)
    return resolved.asArray().map((item) => (item instanceof PDFRef ? doc.context.lookup(item)! : item));
  return resolved ? [resolved] : [];
}

function* everyElement(elements: readonly StructElement[]): Generator<StructElement> {
  for (const element of elements) {
    yield element;
    yield* everyElement(element.children);
  }
}

/** Makes Chromium's tags what PDF/UA asks, where that can be done without changing the page. */
export function completeForPdfUa(doc: PDFDocument): void {
  const tree = structureTree(doc);
  for (const element of everyElement(tree)) {
    if (
      element.type === 'Figure' &&
      !element.dict.has(name('Alt')) &&
      element.children.some((child) => child.type === 'Figure' || child.type === 'Caption')
    ) {
      element.dict.set(name('S'), name('Div'));
    }
  }
  for (const page of doc.getPages()) {
    for (const ref of page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (
        !(annot instanceof PDFDict) ||
        annot.lookupMaybe(name('Subtype'), PDFName)?.decodeText() !== 'Link' ||
        annot.has(name('Contents'))
      )
        continue;
      const uri = annot.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString)?.decodeText();
      if (uri) annot.set(name('Contents'), PDFString.of(uri));
    }
    if (page.node.has(name('Annots'))) page.node.set(name('Tabs'), name('S'));
  }
}

/**
 * What keeps the file from PDF/UA-1, as "Matterhorn checkpoint: problem"; empty when the checked conditions
 * hold. XMP (06-001 to 06-003) is written with the claim itself, so it is not checked here.
 */
export function uaProblems(doc: PDFDocument): string[] {
  const problems: string[] = [];
  const tree = structureTree(doc);
  if (tree.length === 0) problems.push('01-005: the document is not tagged');
  if (!doc.catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.get(name('Marked'))?.toString().includes('true'))
    problems.push('01-002: MarkInfo /Marked is not true');
  if (
    !doc.catalog
      .lookupMaybe(name('ViewerPreferences'), PDFDict)
      ?.get(name('DisplayDocTitle'))
      ?.toString()
      .includes('true')
  )
    problems.push('07-001: DisplayDocTitle is not true');
  if (!doc.catalog.has(name('Lang'))) problems.push('11-006: the document has no natural language');
  const headings: number[] = [];
  const linked = new Set<string>();
  for (const element of everyElement(tree)) {
    if (element.type === 'Figure' && !element.dict.has(name('Alt')))
      problems.push('13-004: a Figure has no alternative text');
    const level = /^H([1-6])$/.exec(element.type)?.[1];
    if (level) headings.push(Number(level));
    if (element.type === 'TH' && !hasScope(doc, element.dict))
      problems.push('15-003: a table header cell has no Scope');
    if (element.type === 'Link') for (const object of element.objects) linked.add(object.toString());
  }
  if (headings.length > 0 && headings[0] !== 1) problems.push(`14-002: the first heading is H${headings[0]}, not H1`);
  headings.forEach((level, i) => {
    if (i > 0 && level > headings[i - 1]! + 1) problems.push(`14-003: H${headings[i - 1]} is followed by H${level}`);
  });
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? [];
    if (annots.length > 0 && page.node.lookupMaybe(name('Tabs'), PDFName)?.decodeText() !== 'S')
      problems.push(`28-008: page ${index + 1} has annotations but no /Tabs /S`);
    for (const ref of annots) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(name('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      if (!linked.has(ref.toString()))
        problems.push(`28-011: a link on page ${index + 1} is not in a Link structure element`);
      if (!annot.has(name('Contents')))
        problems.push(`28-012: a link on page ${index + 1} has no alternate description`);
    }
  });
  return [...new Set(problems)];
}

function hasScope(doc: PDFDocument, th: PDFDict): boolean {
  return kids(doc, th.get(name('A'))).some(
    (attributes) => attributes instanceof PDFDict && attributes.has(name('Scope')),
  );
}
