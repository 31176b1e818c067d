// A conformance checker of our own for the archival (PDF/A-2u) and press (PDF/X-4) editions, since no veraPDF
// is available here. It checks the clauses that can be read with pdf-lib; each finding names its clause.
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFStream,
  PDFString,
} from 'pdf-lib';

/** ISO 19005-2 (PDF/A-2) clauses checked for part 2, conformance U. */
export const pdfaClauses = {
  '6.1.2': 'header: %PDF-1.n followed by a comment of at least four bytes above 127',
  '6.1.3': 'trailer has an ID; no Encrypt',
  '6.1.7.1': 'no stream has F, FFilter or FDecodeParms (external streams)',
  '6.1.7.2': 'no LZWDecode or Crypt filter',
  '6.2.3': 'one OutputIntent GTS_PDFA1 with an embedded ICC DestOutputProfile (N 3 for RGB)',
  '6.2.8': 'no image has Interpolate true, Alternates or OPI',
  '6.2.11.4': 'every font program is embedded (FontFile, FontFile2 or FontFile3)',
  '6.2.11.7': 'every font has a ToUnicode CMap (conformance U: every glyph maps to Unicode)',
  '6.3.2': 'every annotation has F with Print set and Hidden, Invisible, NoView clear',
  '6.5.1': 'no JavaScript, Launch, Sound, Movie, ResetForm, ImportData or Hide action',
  '6.6.2.1': 'a Metadata XMP stream in the catalog, unfiltered, without bytes or encoding attributes in its xpacket',
  '6.6.2.3.1': 'Title, Author, Subject, Keywords, Creator, Producer, dates in Info equal their XMP properties',
  '6.6.4': 'XMP pdfaid:part 2 and pdfaid:conformance U',
  '6.8': 'no EmbeddedFiles',
} as const;

/** ISO 15930-7 (PDF/X-4) clauses checked. */
export const pdfxClauses = {
  '6.1.2': 'trailer has an ID; no Encrypt',
  '6.1.5': 'Info has Title and Trapped True or False; XMP pdfxid:GTS_PDFXVersion PDF/X-4 and pdf:Trapped agree',
  '6.2.2':
    'one OutputIntent GTS_PDFX with an embedded CMYK ICC DestOutputProfile (N 4) and an OutputConditionIdentifier',
  '6.2.3': 'DeviceRGB is used only where a DefaultRGB colour space makes it device-independent',
  '6.3.4': 'every font program is embedded',
  '6.4': 'every page has a TrimBox inside its BleedBox inside its MediaBox',
  '6.6': 'no annotation inside the BleedBox (but PrinterMark); no JavaScript or actions',
} as const;

export type Finding = `${string}: ${string}`;

interface Walked {
  doc: PDFDocument;
  bytes: Uint8Array;
  dicts: PDFDict[];
  streams: (PDFRawStream | PDFStream)[];
  info: PDFDict;
  xmp: string;
}

async function walk(bytes: Uint8Array): Promise<Walked> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const dicts: PDFDict[] = [];
  const streams: (PDFRawStream | PDFStream)[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict) dicts.push(object);
    if (object instanceof PDFRawStream || object instanceof PDFStream) {
      streams.push(object);
      dicts.push(object.dict);
    }
  }
  const metadata = doc.catalog.get(PDFName.of('Metadata'));
  const stream = metadata ? doc.context.lookup(metadata) : undefined;
  const xmp = stream instanceof PDFRawStream ? new TextDecoder().decode(stream.getContents()) : '';
  return { doc, bytes, dicts, streams, info: doc.context.lookup(doc.context.trailerInfo.Info, PDFDict), xmp };
}

const name = (value: string) => PDFName.of(value);
const text = (object: PDFObject | undefined) =>
  object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;

function xmpValue(xmp: string, property: string): string | undefined {
  const match = new RegExp(`<${property}>(?:<rdf:(?:Alt|Seq|Bag)>)?(?:<rdf:li[^>]*>)?([^<]*)`).exec(xmp);
  return match?.[1]?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function commonFindings(w: Walked, clause: { id: string; fonts: string; actions: string }): Finding[] {
  const findings: Finding[] = [];
  if (!w.doc.context.trailerInfo.ID) findings.push(`${clause.id}: no document ID in the trailer`);
  if (w.doc.context.trailerInfo.Encrypt) findings.push(`${clause.id}: the file is encrypted`);
  for (const dict of w.dicts) {
    const type = dict.get(name('Type'));
    if (type === name('FontDescriptor') && !['FontFile', 'FontFile2', 'FontFile3'].some((key) => dict.has(name(key)))) {
      findings.push(`${clause.fonts}: font ${String(dict.get(name('FontName')))} is not embedded`);
    }
    const action = dict.get(name('S'));
    if (
      action instanceof PDFName &&
      ['/JavaScript', '/Launch', '/Sound', '/Movie', '/ResetForm', '/ImportData', '/Hide'].includes(action.toString())
    ) {
      findings.push(`${clause.actions}: a ${action.toString()} action`);
    }
  }
  return findings;
}

export async function checkPdfA2u(bytes: Uint8Array): Promise<Finding[]> {
  const w = await walk(bytes);
  const findings = commonFindings(w, { id: '6.1.3', fonts: '6.2.11.4', actions: '6.5.1' });
  const header = Buffer.from(bytes.subarray(0, 20));
  const comment = header.indexOf('%', 1);
  if (
    !/^%PDF-1\.\d/.test(header.toString('latin1')) ||
    comment < 0 ||
    [...header.subarray(comment + 1, comment + 5)].some((byte) => byte <= 127)
  ) {
    findings.push('6.1.2: the header lacks a binary comment');
  }
  for (const dict of w.dicts) {
    for (const key of ['F', 'FFilter', 'FDecodeParms'])
      if (dict.has(name(key)) && dict.has(name('Length'))) findings.push(`6.1.7.1: a stream with ${key}`);
    const filters = dict.get(name('Filter'));
    for (const filter of filters instanceof PDFArray ? filters.asArray() : [filters]) {
      if (filter === name('LZWDecode') || filter === name('Crypt'))
        findings.push(`6.1.7.2: a ${String(filter)} stream`);
    }
    if (dict.get(name('Subtype')) === name('Image')) {
      if (dict.get(name('Interpolate'))?.toString() === 'true') findings.push('6.2.8: an image with Interpolate true');
      if (dict.has(name('Alternates')) || dict.has(name('OPI')))
        findings.push('6.2.8: an image with Alternates or OPI');
    }
    if (
      dict.get(name('Type')) === name('Font') &&
      dict.get(name('Subtype')) !== name('CIDFontType2') &&
      dict.get(name('Subtype')) !== name('CIDFontType0') &&
      !dict.has(name('ToUnicode'))
    ) {
      findings.push(`6.2.11.7: font ${String(dict.get(name('BaseFont')))} has no ToUnicode`);
    }
    if (dict.get(name('Type')) === name('Annot') || dict.has(name('Rect'))) {
      const flags = dict.get(name('F'));
      const value = flags instanceof PDFNumber ? flags.asNumber() : 0;
      if ((value & 4) === 0 || (value & (1 | 2 | 32)) !== 0)
        findings.push(`6.3.2: a ${String(dict.get(name('Subtype')))} annotation is not printable or is hidden`);
    }
  }
  const intents =
    w.doc.catalog
      .lookupMaybe(name('OutputIntents'), PDFArray)
      ?.asArray()
      .map((ref) => w.doc.context.lookup(ref, PDFDict)) ?? [];
  const pdfa = intents.filter((intent) => intent.get(name('S')) === name('GTS_PDFA1'));
  const profile = pdfa[0]?.lookupMaybe(name('DestOutputProfile'), PDFStream);
  if (pdfa.length !== 1 || !profile || profile.dict.get(name('N'))?.toString() !== '3')
    findings.push('6.2.3: no single GTS_PDFA1 output intent with an RGB ICC profile');
  const metadata = w.doc.catalog.lookupMaybe(name('Metadata'), PDFStream);
  if (!metadata || metadata.dict.has(name('Filter'))) findings.push('6.6.2.1: no unfiltered XMP metadata stream');
  if (/<\?xpacket[^>]*\b(bytes|encoding)=/.test(w.xmp))
    findings.push('6.6.2.1: the xpacket header has bytes or encoding');
  findings.push(...infoAgreesWithXmp(w, '6.6.2.3.1'));
  if (xmpValue(w.xmp, 'pdfaid:part') !== '2' || xmpValue(w.xmp, 'pdfaid:conformance') !== 'U')
    findings.push('6.6.4: XMP does not say pdfaid:part 2, conformance U');
  if (w.doc.catalog.lookupMaybe(name('Names'), PDFDict)?.has(name('EmbeddedFiles')))
    findings.push('6.8: embedded files');
  return findings;
}

export async function checkPdfX4(bytes: Uint8Array): Promise<Finding[]> {
  const w = await walk(bytes);
  const findings = commonFindings(w, { id: '6.1.2', fonts: '6.3.4', actions: '6.6' });
  if (!text(w.info.get(name('Title')))) findings.push('6.1.5: Info has no Title');
  const trapped = w.info.get(name('Trapped'));
  if (trapped !== name('False') && trapped !== name('True')) findings.push('6.1.5: Info Trapped is not True or False');
  if (xmpValue(w.xmp, 'pdfxid:GTS_PDFXVersion') !== 'PDF/X-4')
    findings.push('6.1.5: XMP does not say pdfxid:GTS_PDFXVersion PDF/X-4');
  if (xmpValue(w.xmp, 'pdf:Trapped') !== trapped?.toString().slice(1))
    findings.push('6.1.5: XMP pdf:Trapped differs from Info');
  findings.push(...infoAgreesWithXmp(w, '6.1.5'));
  const intents =
    w.doc.catalog
      .lookupMaybe(name('OutputIntents'), PDFArray)
      ?.asArray()
      .map((ref) => w.doc.context.lookup(ref, PDFDict)) ?? [];
  const pdfx = intents.filter((intent) => intent.get(name('S')) === name('GTS_PDFX'));
  const profile = pdfx[0]?.lookupMaybe(name('DestOutputProfile'), PDFStream);
  if (
    pdfx.length !== 1 ||
    !profile ||
    profile.dict.get(name('N'))?.toString() !== '4' ||
    !text(pdfx[0]!.get(name('OutputConditionIdentifier')))
  ) {
    findings.push('6.2.2: no single GTS_PDFX output intent with a CMYK ICC profile and a condition identifier');
  }
  // DeviceRGB in a content stream or resource needs a DefaultRGB in the resources in force there.
  for (const stream of w.streams) {
    const resources = stream.dict.lookupMaybe(name('Resources'), PDFDict);
    if (!resources) continue;
    const content = stream instanceof PDFRawStream ? decoded(stream) : '';
    const usesRgb = /\brg\b|\bRG\b|\/DeviceRGB/.test(content);
    if (usesRgb && !resources.lookupMaybe(name('ColorSpace'), PDFDict)?.has(name('DefaultRGB')))
      findings.push('6.2.3: DeviceRGB in a form without a DefaultRGB colour space');
  }
  for (const page of w.doc.getPages()) {
    const contents = page.node.get(name('Contents'));
    const parts = contents ? w.doc.context.lookup(contents) : undefined;
    const pageContent = (parts instanceof PDFArray ? parts.asArray().map((ref) => w.doc.context.lookup(ref)) : [parts])
      .map((part) => (part instanceof PDFRawStream ? decoded(part) : ''))
      .join('\n');
    if (
      /\brg\b|\bRG\b/.test(pageContent) &&
      !page.node.Resources()?.lookupMaybe(name('ColorSpace'), PDFDict)?.has(name('DefaultRGB'))
    ) {
      findings.push('6.2.3: DeviceRGB on a page without a DefaultRGB colour space');
    }
    const media = page.getMediaBox();
    const bleed = page.getBleedBox();
    const trim = page.getTrimBox();
    const inside = (inner: typeof media, outer: typeof media) =>
      inner.x >= outer.x &&
      inner.y >= outer.y &&
      inner.x + inner.width <= outer.x + outer.width &&
      inner.y + inner.height <= outer.y + outer.height;
    if (!page.node.has(name('TrimBox')) || !inside(trim, bleed) || !inside(bleed, media))
      findings.push('6.4: TrimBox, BleedBox and MediaBox are not nested');
    for (const ref of page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
      if (w.doc.context.lookup(ref, PDFDict).get(name('Subtype')) !== name('PrinterMark'))
        findings.push('6.6: an annotation on a page');
    }
  }
  return findings;
}

function infoAgreesWithXmp(w: Walked, clause: string): Finding[] {
  const pairs: [string, string][] = [
    ['Title', 'dc:title'],
    ['Author', 'dc:creator'],
    ['Subject', 'dc:description'],
    ['Keywords', 'pdf:Keywords'],
    ['Creator', 'xmp:CreatorTool'],
    ['Producer', 'pdf:Producer'],
  ];
  const findings: Finding[] = [];
  for (const [key, property] of pairs) {
    const value = text(w.info.get(name(key)));
    if (value !== undefined && value !== xmpValue(w.xmp, property))
      findings.push(`${clause}: Info ${key} "${value}" differs from XMP ${property} "${xmpValue(w.xmp, property)}"`);
  }
  const created = text(w.info.get(name('CreationDate')));
  const iso = created && /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(created);
  if (iso && xmpValue(w.xmp, 'xmp:CreateDate') !== `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6]}Z`)
    findings.push(`${clause}: Info CreationDate differs from XMP xmp:CreateDate`);
  return findings;
}

function decoded(stream: PDFRawStream): string {
  const bytes = stream.getContents();
  try {
    return stream.dict.get(name('Filter')) === name('FlateDecode')
      ? inflateSync(bytes).toString('latin1')
      : Buffer.from(bytes).toString('latin1');
  } catch {
    return '';
  }
}

/** Every JPEG (DCT) stream's bytes, in file order: the archival copy must keep the print edition's exactly. */
export async function jpegStreams(bytes: Uint8Array): Promise<Buffer[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: Buffer[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(name('Filter')) === name('DCTDecode'))
      found.push(Buffer.from(object.getContents()));
  }
  return found.sort(Buffer.compare);
}
