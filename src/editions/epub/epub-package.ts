// What the EPUB's package document says about the book: identity, people, dates and accessibility.
// Pure: computed from the publication's metadata, so every claim is true of this book.
import { v5 as uuidV5 } from 'uuid';
import { toolVersion } from '../../paths.js';
import type { PublicationMeta } from '../publication-meta.js';

/** Namespace for article identifiers: the same source URL (or slug) always gives the same dc:identifier. */
const identifierNamespace = '6f1f6f56-4b5e-5d0c-9a4e-2d3c8e0b7a11';

export const coverFiles = { image: 'cover.jpeg', page: 'cover.xhtml', mediaType: 'image/jpeg' } as const;

/** Fields our templates/epub/*.ejs read beyond epub-gen-memory's own options. */
export interface PackageFields {
  identifier: string;
  creators: string[];
  publishedDate: string;
  modified: string;
  source: string | undefined;
  subjects: string[];
  credits: string[];
  translators: string[];
  rights: string | undefined;
  generator: string;
  /** The book's writing direction: a right-to-left book's spine turns its pages from right to left. */
  dir: 'ltr' | 'rtl';
  coverImage: typeof coverFiles | undefined;
  /** The licences travelling with embedded fonts, as paths in the EPUB. */
  fontLicences: string[];
  accessModes: string[];
  accessModeSufficient: string[];
  accessibilityFeatures: string[];
  accessibilitySummary: string;
  /** Which edition the page break markers and page list follow (a dc:source that is the source of pagination). */
  pageBreakSource: string | undefined;
  /** The EPUB Accessibility claim, written only when the article earns it (see accessibilityClaim). */
  conformsTo: string | undefined;
  certifiedBy: string | undefined;
}

export const accessibilityConformance = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

/**
 * Whether the book earns the claim: reading order is the source order and the language is set for every
 * book imprint writes, its stylesheet sets no colours (the reader's contrast holds), so what an article
 * can lack is a text alternative for an image. Given how many images have none, returns why the claim is
withheld, or undefined when it holds. The build and `imprint check` both ask here.
 */
export function accessibilityClaimWithheld(undescribed: number): string | undefined {
  if (undescribed === 0) return undefined;
  return `${undescribed} image${undescribed === 1 ? ' has' : 's have'} no alt text`;
}

/** `printPages`: how many pages the print edition has when the chapters mark its pages (0 when they mark none). */
export function packageFields(
  meta: PublicationMeta,
  {
    buildDate,
    hasCover,
    fontLicences,
    printPages,
  }: { buildDate: Date; hasCover: boolean; fontLicences: string[]; printPages: number },
): PackageFields {
  const { images } = meta;
  const described = images.every((image) => image.alt !== '');
  const claimed = accessibilityClaimWithheld(images.filter((image) => image.alt.trim() === '').length) === undefined;
  return {
    identifier: `urn:uuid:${uuidV5(meta.source ?? `imprint:${meta.slug}`, identifierNamespace)}`,
    creators: meta.authors,
    // The time of day too, when the article's date was written with one.
    publishedDate: meta.dateTime ?? meta.date,
    modified: buildDate.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    source: meta.source,
    subjects: meta.tags,
    credits: meta.credits,
    translators: meta.translators,
    rights: meta.rights,
    generator: `imprint ${toolVersion}`,
    dir: meta.dir,
    coverImage: hasCover ? coverFiles : undefined,
    fontLicences,
    accessModes: images.length > 0 ? ['textual', 'visual'] : ['textual'],
    accessModeSufficient: described ? ['textual'] : ['textual,visual'],
    accessibilityFeatures: [
      'structuralNavigation',
      'tableOfContents',
      'readingOrder',
      'displayTransformability',
      ...(images.length > 0 && described ? ['alternativeText'] : []),
      ...(printPages > 0 ? ['pageBreakMarkers', 'printPageNumbers'] : []),
    ],
    pageBreakSource:
      printPages > 0
        ? `${meta.slug}.pdf: ${meta.publication}, print edition, ${printPages} page${printPages === 1 ? '' : 's'}`
        : undefined,
    accessibilitySummary: [
      "A single news article in reading order, with headings and a table of contents; text reflows and takes the reader's fonts and colours.",
      images.length === 0
        ? 'It has no images apart from the cover, whose text is repeated in the article.'
        : described
          ? 'Every image has a text description; captions and photo credits are marked up as such.'
          : 'Some images have no text description.',
    ].join(' '),
    conformsTo: claimed ? accessibilityConformance : undefined,
    // The publication vouches for its own book; a third-party certifier is the publisher's to add.
    certifiedBy: claimed ? meta.publication : undefined,
  };
}
