// What PDF/A and PDF/X add to a PDF, written with pdf-lib onto Chromium's own file (whose text layer, tags,
// fonts and photos stay exactly as they are): an output intent with its ICC profile, an XMP packet that
// agrees with the document information and names the standard, and a document ID.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { PDFArray, type PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { ImprintError } from '../../errors.js';
import { readTemplate } from '../page/article-view.js';
import type { PublicationMeta } from '../publication-meta.js';
import { documentAuthor, documentCreator, type PdfMetadata, setDocumentId } from './pdf-metadata.js';

const ghostscriptShare = '/usr/share/ghostscript';

/** An ICC profile that ships with Debian's Ghostscript (srgb.icc, default_cmyk.icc, …): only its file is used. */
export function iccProfile(name: string): Uint8Array {
  const versions = existsSync(ghostscriptShare) ? readdirSync(ghostscriptShare).sort().reverse() : [];
  for (const version of versions) {
    const path = join(ghostscriptShare, version, 'iccprofiles', name);
    if (existsSync(path)) return readFileSync(path);
  }
  throw new ImprintError(
    `the ICC profile ${name} was not found under ${ghostscriptShare}`,
    undefined,
    'Run "npm run setup" (installs Debian\'s ghostscript, which ships the profiles).',
  );
}

/** An ICCBased colour space stream for `profile` with `components` channels (3 for RGB, 4 for CMYK). */
export function embedIccProfile(doc: PDFDocument, profile: Uint8Array, components: 3 | 4): PDFRef {
  const stream = doc.context.flateStream(profile, {
    N: components,
    Alternate: components === 3 ? 'DeviceRGB' : 'DeviceCMYK',
  });
  return doc.context.register(stream);
}

export interface OutputIntent {
  /** GTS_PDFA1 for PDF/A, GTS_PDFX for PDF/X. */
  subtype: 'GTS_PDFA1' | 'GTS_PDFX';
  profile: PDFRef;
  /** A registered characterisation name, or "Custom". */
  identifier: string;
  condition: string;
  registry?: string;
}

export function setOutputIntent(doc: PDFDocument, intent: OutputIntent): void {
  const dict = doc.context.obj({
    Type: 'OutputIntent',
    S: intent.subtype,
    OutputConditionIdentifier: PDFString.of(intent.identifier),
    OutputCondition: PDFString.of(intent.condition),
    Info: PDFString.of(intent.condition),
    ...(intent.registry ? { RegistryName: PDFString.of(intent.registry) } : {}),
    DestOutputProfile: intent.profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(dict)]));
}

export interface Standard {
  pdfa?: { part: number; conformance: string };
  pdfx?: { version: string };
  pdfua?: { part: 1 };
}

/**
 * The XMP packet (uncompressed, as PDF/A asks) repeating the document information exactly, with the
 * publication's name, date, source, credits and rights, and the standard the file claims; and a
 * document ID derived from `seed`, so a rebuild gives the same bytes.
 */
export function setXmpAndId(
  doc: PDFDocument,
  front: PublicationMeta,
  meta: PdfMetadata,
  producer: string,
  standard: Standard,
  seed: Uint8Array,
): void {
  const id = setDocumentId(doc, seed).toLowerCase();
  // The photos' credits travel with the document too (its figures carry them, from the Markdown or the photo).
  const photoCredits = [...new Set(front.images.flatMap((image) => (image.credit ? [`Photo: ${image.credit}`] : [])))];
  const credits = [...front.credits, ...photoCredits];
  const xmp = Mustache.render(
    readTemplate('pdf-xmp.xml'),
    {
      ...standard,
      title: meta.title,
      authors: [documentAuthor(meta)],
      description: meta.subject,
      publication: front.publication,
      published: front.date,
      lang: front.lang,
      source: front.source,
      credits,
      hasCredits: credits.length > 0,
      tags: front.tags,
      hasTags: front.tags.length > 0,
      rights: front.rights,
      keywords: meta.keywords.join(' '),
      producer,
      creator: documentCreator,
      date: meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      documentId: `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    },
    {},
    { escape: escapeXml },
  );
  const previous = doc.catalog.get(PDFName.of('Metadata'));
  if (previous instanceof PDFRef) doc.context.delete(previous);
  // UTF-8 bytes: given a string, pdf-lib would keep only the low byte of each character.
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/** Every annotation printable and visible (PDF/A-2 6.3.2): Chromium's links already are; this makes sure. */
export function makeAnnotationsPrintable(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const ref of annots?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (annot && 'set' in annot)
        (annot as { set: (key: PDFName, value: unknown) => void }).set(PDFName.of('F'), doc.context.obj(4));
    }
  }
}

function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
