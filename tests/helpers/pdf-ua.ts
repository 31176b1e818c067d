// A PDF/UA-1 (ISO 14289-1) checker of the tests' own: the Matterhorn Protocol 1.1 failure conditions below,
// each checked from the file with pdf-lib (no veraPDF here). Written apart from src/editions/pdf-ua.ts so
// that the build's claim is checked by other code: annotations are matched to their structure elements
// through the ParentTree here, through object references there.
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';

export const matterhornConditions = {
  '01-002': 'MarkInfo /Marked is true',
  '06-001': 'the document has an XMP metadata stream',
  '06-002': 'the XMP identifies PDF/UA with pdfuaid:part 1',
  '06-003': 'the XMP has dc:title',
  '07-001': 'ViewerPreferences /DisplayDocTitle is true',
  '11-006': 'the natural language of the document is set (/Lang)',
  '13-004': 'every Figure has alternative text (/Alt)',
  '14-002': 'the first numbered heading is H1',
  '14-003': 'numbered heading levels are not skipped',
  '15-003': 'every TH has a Scope (tables here have no Headers/IDs for rows)',
  '28-008': 'a page with annotations has /Tabs /S',
  '28-011': 'every Link annotation is the kid of a Link structure element (via /StructParent and the ParentTree)',
  '28-012': 'every Link annotation has an alternate description (/Contents)',
} as const;

export type UaFinding = `${keyof typeof matterhornConditions}: ${string}`;

export async function checkPdfUa(bytes: Uint8Array): Promise<{ xmp: string; findings: UaFinding[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const look = (value: PDFObject | undefined): PDFObject | undefined =>
    value instanceof PDFRef ? doc.context.lookup(value) : value;
  const findings: UaFinding[] = [];
  const catalog = doc.catalog;

  const markInfo = look(catalog.get(PDFName.of('MarkInfo')));
  if (!(markInfo instanceof PDFDict) || markInfo.get(PDFName.of('Marked')) !== PDFBool.True)
    findings.push('01-002: not marked');
  const metadata = look(catalog.get(PDFName.of('Metadata')));
  let xmp = '';
  if (metadata instanceof PDFStream)
    xmp = Buffer.from(decodePDFRawStream(metadata as PDFRawStream).decode()).toString('utf8');
  else findings.push('06-001: no metadata stream');
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) findings.push('06-002: no pdfuaid:part 1');
  if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) findings.push('06-003: no dc:title');
  const preferences = look(catalog.get(PDFName.of('ViewerPreferences')));
  if (!(preferences instanceof PDFDict) || preferences.get(PDFName.of('DisplayDocTitle')) !== PDFBool.True)
    findings.push('07-001: DisplayDocTitle not true');
  if (!catalog.get(PDFName.of('Lang'))) findings.push('11-006: no /Lang');

  const root = look(catalog.get(PDFName.of('StructTreeRoot')));
  const headings: number[] = [];
  const visit = (value: PDFObject | undefined): void => {
    const node = look(value);
    if (node instanceof PDFArray) {
      for (const item of node.asArray()) visit(item);
      return;
    }
    if (!(node instanceof PDFDict) || !node.get(PDFName.of('S'))) return;
    const type = (node.get(PDFName.of('S')) as PDFName).decodeText();
    if (type === 'Figure' && !node.get(PDFName.of('Alt'))) findings.push('13-004: a Figure without /Alt');
    const level = /^H(\d)$/.exec(type);
    if (level) headings.push(Number(level[1]));
    if (type === 'TH') {
      const attributes = look(node.get(PDFName.of('A')));
      const all = attributes instanceof PDFArray ? attributes.asArray().map(look) : [attributes];
      if (!all.some((a) => a instanceof PDFDict && a.get(PDFName.of('Scope'))))
        findings.push('15-003: a TH without Scope');
    }
    visit(node.get(PDFName.of('K')));
  };
  if (root instanceof PDFDict) visit(root.get(PDFName.of('K')));
  if (headings.length > 0 && headings[0] !== 1) findings.push(`14-002: first heading H${headings[0]}`);
  for (let i = 1; i < headings.length; i++)
    if (headings[i]! > headings[i - 1]! + 1) findings.push(`14-003: H${headings[i - 1]} then H${headings[i]}`);

  const parents = parentTree(doc, root instanceof PDFDict ? root.get(PDFName.of('ParentTree')) : undefined);
  doc.getPages().forEach((page, index) => {
    const annots = look(page.node.get(PDFName.of('Annots')));
    const list = annots instanceof PDFArray ? annots.asArray() : [];
    if (list.length > 0 && page.node.get(PDFName.of('Tabs')) !== PDFName.of('S'))
      findings.push(`28-008: page ${index + 1}`);
    for (const ref of list) {
      const annot = look(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const key = annot.get(PDFName.of('StructParent'));
      const parent = key instanceof PDFNumber ? look(parents.get(key.asNumber())) : undefined;
      if (!(parent instanceof PDFDict) || parent.get(PDFName.of('S')) !== PDFName.of('Link'))
        findings.push(`28-011: a link on page ${index + 1}`);
      if (!annot.get(PDFName.of('Contents'))) findings.push(`28-012: a link on page ${index + 1}`);
    }
  });
  return { xmp, findings };
}

/** A number tree (/Nums, /Kids) as a map. */
function parentTree(doc: PDFDocument, value: PDFObject | undefined): Map<number, PDFObject> {
  const found = new Map<number, PDFObject>();
  const node = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (!(node instanceof PDFDict)) return found;
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
  for (let i = 0; i + 1 < nums.length; i += 2) found.set((nums[i] as PDFNumber).asNumber(), nums[i + 1]!);
  for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? [])
    for (const [key, entry] of parentTree(doc, kid)) found.set(key, entry);
  return found;
}
