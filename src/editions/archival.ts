// The archival edition: the print PDF converted to PDF/A-2b by Ghostscript (sRGB output intent, fonts
// embedded), then given document information and an XMP packet that agree with each other, carrying the
// article's title, authors, publication, date, source and credits, and a fixed document ID.
// Ghostscript drops the structure tags: the tagged print PDF stays the accessible master.
import Mustache from 'mustache';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Article } from '../article/article.js';
import { toolVersion } from '../paths.js';
import { readTemplate } from './article-view.js';
import { convertWithGhostscript, ghostscriptIccProfile, postScriptString } from './ghostscript.js';
import { applyDocumentInfo, documentAuthor, documentCreator, setDocumentId, type FinishedPdf, type PdfMetadata } from './pdf-metadata.js';

export interface ArchivalContext {
  workDir: string;
  buildDate: Date;
  timeoutMs: number;
}

export async function renderArchivalEdition(printPdf: Uint8Array, article: Article, meta: PdfMetadata, context: ArchivalContext): Promise<FinishedPdf> {
  const icc = ghostscriptIccProfile('srgb.icc');
  const converted = await convertWithGhostscript({
    input: printPdf,
    definitions: Mustache.render(readTemplate('archival/pdfa-def.ps'), { iccProfile: postScriptString(icc) }),
    args: ['-dPDFA=2', '-dPDFACompatibilityPolicy=1', '-sColorConversionStrategy=RGB', `--permit-file-read=${icc}`],
    workDir: context.workDir,
    name: `${article.slug}.archival`,
    timeoutMs: context.timeoutMs,
    sourceDate: context.buildDate,
  });

  const doc = await PDFDocument.load(converted, { updateMetadata: false });
  const via = 'Chromium, Ghostscript, pdf-lib';
  applyDocumentInfo(doc, meta, via);
  // The same identity on every rebuild: derived from what was converted, not random as Ghostscript's is.
  const id = setDocumentId(doc, printPdf);
  const xmp = renderXmp(article, meta, via, `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`.toLowerCase());
  const ghostscriptXmp = doc.catalog.get(PDFName.of('Metadata'));
  if (ghostscriptXmp instanceof PDFRef) doc.context.delete(ghostscriptXmp);
  // UTF-8 bytes: given a string, pdf-lib would keep only the low byte of each character.
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  return { bytes: await doc.save({ useObjectStreams: false }), pageCount: doc.getPageCount() };
}

/** XMP that repeats the document information exactly (PDF/A requires the two to agree). */
function renderXmp(article: Article, meta: PdfMetadata, via: string, documentId: string): string {
  const { meta: front } = article;
  return Mustache.render(readTemplate('archival/xmp.xml'), {
    title: meta.title,
    authors: [documentAuthor(meta)],
    description: meta.subject,
    publication: front.publication,
    published: front.date,
    lang: front.lang,
    source: front.source,
    credits: front.credits,
    hasCredits: front.credits.length > 0,
    tags: front.tags,
    hasTags: front.tags.length > 0,
    rights: front.rights,
    keywords: meta.keywords.join(' '),
    producer: `imprint ${toolVersion} (${via})`,
    creator: documentCreator,
    date: meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    documentId,
  }, {}, { escape: escapeXml });
}

function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
