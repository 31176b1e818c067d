// An article's photos through the pipeline: their facts read (so figures can take the photo's caption and
// credit), then each edition's copy made, and what an editor should hear about them: a credit that
// contradicts the photo's, a photo too small to print well, a photo that carries its position.
import type { ErrorLocation } from '../errors.js';
import type { ImageSettings } from './image-settings.js';
import { printPpi } from './image-settings.js';
import type { PhotoBox } from './print-size.js';
import { type PhotoCopies, type PhotoFacts, photoCopies, readPhotoFacts } from './process-photo.js';
import type { PhotoCredit } from './xmp-credit.js';

export interface PhotoOptions {
  settings: ImageSettings;
  /** Where a photo prints on the article's page, which decides its pixel density. */
  box: PhotoBox;
  /** False for `imprint check`, which reads photos but makes nothing. */
  makeCopies: boolean;
}

/** A photo of the article, as written and where. */
export interface PhotoPlace {
  path: string;
  written: string;
  where: ErrorLocation & { line: number };
}

/** An editorial finding about a photo, at its line in the article. */
export interface PhotoFinding {
  rule: 'credit-mismatch' | 'low-resolution';
  line: number;
  message: string;
}

export function readArticlePhotos(places: readonly PhotoPlace[], options: PhotoOptions): Promise<PhotoFacts[]> {
  return Promise.all(
    places.map((place) => readPhotoFacts(place.path, place.where, place.written, options.settings, options.box)),
  );
}

/** What figures may take from their photos: the embedded caption and credit line, by src as written. */
export function embeddedTexts(
  places: readonly PhotoPlace[],
  facts: readonly PhotoFacts[],
): Record<string, { caption?: string; credit?: string }> {
  const texts: Record<string, { caption?: string; credit?: string }> = {};
  places.forEach((place, i) => {
    const { caption, credit } = facts[i]!.embedded.credit;
    if (caption !== undefined || credit !== undefined)
      texts[place.written] = { ...(caption !== undefined && { caption }), ...(credit !== undefined && { credit }) };
  });
  return texts;
}

/** The credit every copy carries: the photo's own fields, with the figure's credit where the photo has none. */
export function publishedCredit(facts: PhotoFacts, figureCredit: string | undefined): PhotoCredit {
  const own = facts.embedded.credit;
  return { ...own, ...(own.credit === undefined && figureCredit !== undefined && { credit: figureCredit }) };
}

/** Each photo's copies, one photo at a time (a 24-megapixel photo decodes to 72 MB). */
export async function makeArticleCopies(
  places: readonly PhotoPlace[],
  facts: readonly PhotoFacts[],
  credits: readonly (string | undefined)[],
  settings: ImageSettings,
): Promise<PhotoCopies[]> {
  const copies: PhotoCopies[] = [];
  for (const [i, place] of places.entries()) {
    copies.push(
      (await photoCopies(facts[i]!, publishedCredit(facts[i]!, credits[i]), settings, place.where, place.written))
        .copies,
    );
  }
  return copies;
}

export function photoFindings(
  places: readonly PhotoPlace[],
  facts: readonly PhotoFacts[],
  credits: readonly (string | undefined)[],
): PhotoFinding[] {
  const findings: PhotoFinding[] = [];
  places.forEach((place, i) => {
    const { embedded, printed, header } = facts[i]!;
    const figureCredit = credits[i];
    const ownCredit = embedded.credit.credit;
    if (
      figureCredit &&
      ownCredit &&
      contradicts(figureCredit, [ownCredit, embedded.credit.creator, embedded.credit.source])
    ) {
      findings.push({
        rule: 'credit-mismatch',
        line: place.where.line,
        message: `the figure credits "${figureCredit}" but photo "${place.written}" says its credit line is "${ownCredit}"; check which is right`,
      });
    }
    if (printed && header && printed.ppi < printPpi.minimum) {
      findings.push({
        rule: 'low-resolution',
        line: place.where.line,
        message: `photo "${place.written}" (${header.width} × ${header.height} px) prints at ${Math.round(printed.ppi)} ppi, under ${printPpi.minimum}; it needs at least ${printed.needed.width} × ${printed.needed.height} px to fill its place in print`,
      });
    }
  });
  return findings;
}

/** What the check says of a photo's embedded facts that the editions use or remove. */
export function photoNotes(
  places: readonly PhotoPlace[],
  facts: readonly PhotoFacts[],
  keepLocation: boolean,
): string[] {
  return places.flatMap((place, i) => {
    const where = `${place.where.file}:${place.where.line}`;
    if (!facts[i]!.embedded.location) return [];
    return [
      `${where}: photo "${place.written}" carries a GPS position; ${keepLocation ? 'it is kept in the published copies (images.keep_location)' : 'it is removed from every published copy'}`,
    ];
  });
}

/** "Valery Sharifulin / TASS" agrees with "TASS"; "Reuters" does not agree with "AFP". */
function contradicts(figure: string, photo: readonly (string | undefined)[]): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const given = plain(figure);
  return !photo.some(
    (value) =>
      value !== undefined && plain(value) !== '' && (given.includes(plain(value)) || plain(value).includes(given)),
  );
}
