// The EPUB package's claims about the book: stable identifier, dates, direction, and accessibility metadata.
import { describe, expect, it } from 'vitest';
import {
  accessibilityClaimWithheld,
  accessibilityConformance,
  coverFiles,
  packageFields,
} from '../../../../src/editions/epub/epub-package.js';
import type { PublicationMeta } from '../../../../src/editions/publication-meta.js';
import { toolVersion } from '../../../../src/paths.js';

const image = (alt: string) => ({ alt, path: '/tmp/photo.jpg' });

const meta: PublicationMeta = {
  title: 'Ferries return',
  subtitle: undefined,
  authors: ['Ana Ruiz'],
  byline: ['Ana Ruiz'],
  publication: 'The Harbour Times',
  lang: 'en',
  dir: 'ltr',
  date: '2024-04-17',
  dateTime: undefined,
  description: 'd',
  tags: ['harbour', 'transport'],
  credits: ['Photo: AP'],
  translators: [],
  rights: '© The Harbour Times',
  source: 'https://example.com/ferries',
  slug: 'ferries-return',
  images: [],
};
const build = { buildDate: new Date('2024-05-01T10:20:30.456Z'), hasCover: false, fontLicences: [], printPages: 0 };

describe('packageFields', () => {
  it('gives the same urn:uuid for the same source on every build, and another for another article', () => {
    const first = packageFields(meta, build).identifier;
    expect(first).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(packageFields({ ...meta, title: 'Changed' }, { ...build, buildDate: new Date() }).identifier).toBe(first);
    expect(packageFields({ ...meta, source: 'https://example.com/other' }, build).identifier).not.toBe(first);
    // Without a source, the slug identifies it.
    const bySlug = packageFields({ ...meta, source: undefined }, build).identifier;
    expect(bySlug).not.toBe(first);
    expect(packageFields({ ...meta, source: undefined, title: 'Other' }, build).identifier).toBe(bySlug);
    expect(packageFields({ ...meta, source: undefined, slug: 'other' }, build).identifier).not.toBe(bySlug);
  });

  it('writes dcterms:modified without milliseconds, and the time of publication when there is one', () => {
    const fields = packageFields(meta, build);
    expect(fields.modified).toBe('2024-05-01T10:20:30Z');
    expect(fields.publishedDate).toBe('2024-04-17');
    expect(packageFields({ ...meta, dateTime: '2024-04-17T09:30:00Z' }, build).publishedDate).toBe(
      '2024-04-17T09:30:00Z',
    );
  });

  it('carries the people, subjects, rights, direction and generator through', () => {
    const fields = packageFields(
      { ...meta, dir: 'rtl' },
      { ...build, hasCover: true, fontLicences: ['fonts/OFL.txt'] },
    );
    expect(fields).toMatchObject({
      creators: ['Ana Ruiz'],
      subjects: ['harbour', 'transport'],
      credits: ['Photo: AP'],
      rights: '© The Harbour Times',
      source: 'https://example.com/ferries',
      dir: 'rtl',
      coverImage: coverFiles,
      fontLicences: ['fonts/OFL.txt'],
      generator: `imprint ${toolVersion}`,
    });
    expect(packageFields(meta, build).coverImage).toBeUndefined();
  });

  it('claims WCAG conformance for a book with no images or with every image described', () => {
    for (const images of [[], [image('A ferry at the quay'), image('The harbour master')]]) {
      const fields = packageFields({ ...meta, images }, build);
      expect(fields.conformsTo).toBe(accessibilityConformance);
      expect(fields.certifiedBy).toBe('The Harbour Times');
      expect(fields.accessModeSufficient).toEqual(['textual']);
    }
    const described = packageFields({ ...meta, images: [image('A ferry')] }, build);
    expect(described.accessModes).toEqual(['textual', 'visual']);
    expect(described.accessibilityFeatures).toContain('alternativeText');
    expect(packageFields(meta, build).accessModes).toEqual(['textual']);
    expect(packageFields(meta, build).accessibilityFeatures).not.toContain('alternativeText');
  });

  it('withholds the claim, and says so, when an image has no alt text', () => {
    for (const alt of ['', '   ']) {
      const fields = packageFields({ ...meta, images: [image('A ferry'), image(alt)] }, build);
      expect(fields.conformsTo, JSON.stringify(alt)).toBeUndefined();
      expect(fields.certifiedBy).toBeUndefined();
    }
    const fields = packageFields({ ...meta, images: [image('')] }, build);
    expect(fields.accessModeSufficient).toEqual(['textual,visual']);
    expect(fields.accessibilityFeatures).not.toContain('alternativeText');
    expect(fields.accessibilitySummary).toContain('Some images have no text description.');
  });

  it('names the print edition as the source of its page numbers only when the chapters mark them', () => {
    const marked = packageFields(meta, { ...build, printPages: 3 });
    expect(marked.pageBreakSource).toBe('ferries-return.pdf: The Harbour Times, print edition, 3 pages');
    expect(marked.accessibilityFeatures).toEqual(expect.arrayContaining(['pageBreakMarkers', 'printPageNumbers']));
    expect(packageFields(meta, { ...build, printPages: 1 }).pageBreakSource).toMatch(/1 page$/);
    const unmarked = packageFields(meta, build);
    expect(unmarked.pageBreakSource).toBeUndefined();
    expect(unmarked.accessibilityFeatures).not.toContain('pageBreakMarkers');
  });
});

describe('accessibilityClaimWithheld', () => {
  it('holds with every image described and explains otherwise', () => {
    expect(accessibilityClaimWithheld(0)).toBeUndefined();
    expect(accessibilityClaimWithheld(1)).toBe('1 image has no alt text');
    expect(accessibilityClaimWithheld(3)).toBe('3 images have no alt text');
  });
});
