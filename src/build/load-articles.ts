// Loading articles: one (front matter, body, images, editorial checks), or a whole batch's first pass.

import { resolve } from 'node:path';
import pLimit from 'p-limit';
import { type Article, prepareArticle } from '../article/article.js';
import type { InputLimits } from '../article/limits.js';
import { loadArticle } from '../article/load-article.js';
import { photoBox } from '../article/page-size.js';
import type { RemoteImagePolicy } from '../article/remote-image.js';
import { checkArticle, strictFailure } from '../check/check-article.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { HouseStyle } from '../config/house-style.js';
import type { BuildOptions } from '../config/options.js';
import type { Edition } from '../edition.js';
import { attributeTo, ImprintError } from '../errors.js';
import type { PhotoOptions } from '../images/article-photos.js';
import { imageSettings } from '../images/image-settings.js';
import { articleFingerprint } from '../output/fingerprint.js';

export interface LoadedArticle {
  file: string;
  article: Article;
  warnings: Diagnostic[];
}

export interface FailedArticle {
  file: string;
  ok: false;
  error: ImprintError;
  warnings: Diagnostic[];
}

/** An article marked `draft: true` (or `published: false`): left out, with a note. */
export interface DraftArticle {
  file: string;
  draft: true;
}

export type Loaded = LoadedArticle | FailedArticle | DraftArticle;

/**
 * One article: read, checked (its warnings kept either way), prepared; or why it cannot be built. Its photos
 * are read and checked either way; `photos: 'copy'` (a build's render pass) also makes each edition's copies.
 * With `timeoutMs` (the build's --timeout) these stages are bounded too, not only the browser's: every stage
 * is linear in the article's size and yields between its pieces, so the limit is met while they work.
 */
export async function loadOne(
  file: string,
  limits: InputLimits,
  options: Pick<BuildOptions, 'strict' | 'html' | 'style'> &
    Partial<Pick<BuildOptions, 'page' | 'timeoutMs' | 'fetchImages'>>,
  photos: 'read' | 'copy' = 'read',
): Promise<Loaded> {
  if (options.timeoutMs === undefined) return loadUnbounded(file, limits, options, photos);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Loaded>((resolve) => {
    timer = setTimeout(() => resolve(failure(file, tooSlowToLoad(file, options.timeoutMs!))), options.timeoutMs);
  });
  return Promise.race([loadUnbounded(file, limits, options, photos), expired]).finally(() => clearTimeout(timer));
}

function tooSlowToLoad(file: string, ms: number): ImprintError {
  return new ImprintError(
    `reading and checking the article took longer than the ${ms / 1000} s limit`,
    { file },
    'Split the article, or raise --timeout (imprint.yaml build.timeout) if the machine is busy.',
    { rule: 'timeout' },
  );
}

async function loadUnbounded(
  file: string,
  limits: InputLimits,
  {
    strict,
    html,
    style,
    page,
    fetchImages = false,
  }: Pick<BuildOptions, 'strict' | 'html' | 'style'> & Partial<Pick<BuildOptions, 'page' | 'fetchImages'>>,
  photos: 'read' | 'copy',
): Promise<Loaded> {
  let warnings: Diagnostic[] = [];
  try {
    const source = await loadArticle(file, limits, style.defaults, style.fields, style.site);
    if (source.draft) return { file, draft: true };
    if (strict && source.unknownFields.length > 0) {
      throw new ImprintError(
        `unknown front matter field${source.unknownFields.length === 1 ? '' : 's'} ${source.unknownFields.map((field) => `"${field}"`).join(', ')}`,
        { file },
        "Without --strict they are left out with a note; imprint.yaml's fields.map can give them a meaning, fields.ignore leaves them out quietly.",
      );
    }
    warnings = checkArticle(source);
    const photoOptions: PhotoOptions = {
      settings: imageSettings(style.images.projectDir, { keepLocation: style.images.keepLocation }),
      box: photoBox(page ?? source.meta.page ?? 'a4'),
      makeCopies: photos === 'copy',
    };
    const remote = remotePhotos(style, fetchImages, limits);
    const article = await prepareArticle(source, limits, html, photoOptions, remote, style.labels);
    warnings = withPhotoFindings(warnings, article, file);
    const refused = strict ? strictFailure(file, warnings) : undefined;
    if (refused) throw refused;
    return { file, article, warnings };
  } catch (error) {
    return failure(file, error, warnings);
  }
}

/** The photos' findings join the body's; a figure whose credit came from its photo is not one without a credit. */
function withPhotoFindings(warnings: readonly Diagnostic[], article: Article, file: string): Diagnostic[] {
  const kept = warnings.filter(
    (warning) => !(warning.rule === 'figure-without-credit' && article.creditedFromPhoto.includes(warning.line)),
  );
  const found = article.photoFindings.map((finding) => ({
    file,
    line: finding.line,
    column: 1,
    rule: finding.rule,
    severity: 'warning' as const,
    message: finding.message,
  }));
  return [...kept, ...found].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Whether and where remote photos are downloaded: hosts from images.fetch, every public one with --fetch-images. */
function remotePhotos(style: HouseStyle, fetchImages: boolean, limits: InputLimits): RemoteImagePolicy | undefined {
  const hosts = [...(style.imageHosts ?? []), ...(fetchImages ? ['*'] : [])];
  if (hosts.length === 0) return undefined;
  return {
    hosts,
    cacheDir: style.imageCache ?? resolve('.imprint-cache', 'images'),
    maxBytes: limits.maxImageBytes,
    timeoutMs: 30_000,
  };
}

export interface PlannedArticle {
  file: string;
  slug: string;
  /** The editions it gets: --formats, narrowed by the article's own `editions`. */
  editions: Edition[];
  /** What its editions are made from (see output/fingerprint.ts). */
  fingerprint: string;
  warnings: Diagnostic[];
  /** Site-generator fields its front matter had that were left out. */
  ignoredFields: string[];
  /** Fields nothing knows that were left out. */
  unknownFields: string[];
  notes: string[];
}

export type Planned = PlannedArticle | FailedArticle;

/**
 * The batch's first pass: every article loaded and checked (milliseconds each) before any is rendered, so
 * input errors come first and slug clashes are decided by file order, not by timing. Only what the build
 * needs later is kept: a batch of thousands is never held in memory.
 */
export async function planBatch(
  files: readonly string[],
  limits: InputLimits,
  options: BuildOptions,
  buildPrint: string,
): Promise<{ planned: Planned[]; notes: string[] }> {
  const limit = pLimit(8);
  const loaded = await Promise.all(
    files.map((file) =>
      limit(async (): Promise<Planned | DraftArticle> => {
        const item = await loadOne(file, limits, options);
        if (!('article' in item)) return item;
        const { article, warnings } = item;
        const editions = options.formats.filter((edition) => article.meta.editions?.includes(edition) ?? true);
        return {
          file,
          slug: article.slug,
          editions,
          fingerprint: await articleFingerprint(article, buildPrint, editions),
          warnings,
          ignoredFields: article.ignoredFields,
          unknownFields: article.unknownFields,
          notes: article.notes,
        };
      }),
    ),
  );
  const drafts = loaded.filter((item): item is DraftArticle => 'draft' in item);
  const notes = [
    ...drafts.map(({ file }) => `${file}: left out (a draft)`),
    ...loaded.flatMap((item) => ('notes' in item ? item.notes : [])),
    ...ignoredFieldsNote(loaded),
    ...unknownFieldsNote(loaded),
  ];
  const slugOwners = new Map<string, string>();
  const planned = loaded
    .filter((item): item is Planned => !('draft' in item))
    .map((item) => {
      if (!('slug' in item)) return item;
      const owner = slugOwners.get(item.slug);
      if (!owner) {
        slugOwners.set(item.slug, item.file);
        return item;
      }
      const clash = new ImprintError(
        `slug "${item.slug}" is already used by ${owner}`,
        { file: item.file },
        'Give one of them a different "slug:" in its front matter.',
      );
      return failure(item.file, clash, item.warnings);
    });
  return { planned, notes };
}

/** One note for the whole batch: which site-generator fields were left out, and how often. */
function ignoredFieldsNote(loaded: readonly (Planned | DraftArticle)[]): string[] {
  const counts = new Map<string, number>();
  for (const item of loaded)
    for (const field of 'ignoredFields' in item ? item.ignoredFields : [])
      counts.set(field, (counts.get(field) ?? 0) + 1);
  if (counts.size === 0) return [];
  const listed = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([field, count]) => `${field} (${count})`);
  return [
    `site-generator fields left out, as they mean nothing in print: ${listed.join(', ')}; imprint.yaml's fields.map can give them a meaning`,
  ];
}

/** One note for the whole batch: the fields nothing knows, left out, and how often. */
function unknownFieldsNote(loaded: readonly (Planned | DraftArticle)[]): string[] {
  const counts = new Map<string, number>();
  for (const item of loaded)
    for (const field of 'unknownFields' in item ? item.unknownFields : [])
      counts.set(field, (counts.get(field) ?? 0) + 1);
  if (counts.size === 0) return [];
  const listed = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([field, count]) => `${field} (${count})`);
  return [
    `fields imprint does not know, left out: ${listed.join(', ')}; imprint.yaml's fields.map can give them a meaning (--strict refuses them)`,
  ];
}

export function failure(file: string, error: unknown, warnings: Diagnostic[] = []): FailedArticle {
  return { file, ok: false, error: attributeTo(file, error), warnings };
}
