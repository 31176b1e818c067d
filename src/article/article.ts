// SourceArticle → Article: the body rendered, images resolved and checked, the derived metadata filled in.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImprintError } from '../errors.js';
import { checkGlyphs, htmlText } from '../fonts/missing-glyphs.js';
import {
  embeddedTexts,
  makeArticleCopies,
  type PhotoFinding,
  type PhotoOptions,
  type PhotoPlace,
  photoFindings,
  photoNotes,
  publishedCredit,
  readArticlePhotos,
} from '../images/article-photos.js';
import type { PhotoCopies } from '../images/process-photo.js';
import type { PhotoCredit } from '../images/xmp-credit.js';
import type { LabelOverrides } from '../labels/labels.js';
import { isOutside } from '../paths.js';
import { BodyError } from './body-error.js';
import type { FigureEnv } from './figure-rule.js';
import type { FrontMatter } from './front-matter.js';
import { checkImageFile } from './image-file.js';
import { defaultLimits, type InputLimits } from './limits.js';
import { fileLineOf, type SourceArticle } from './load-article.js';
import { type ImageReference, parseBody, renderBody } from './markdown.js';
import { type CachedImage, fetchRemoteImage, type RemoteImagePolicy } from './remote-image.js';
import { relrefTargets } from './shortcodes.js';

export interface Article {
  path: string;
  /** The folder the article's images are in; rendering may read nothing else of the user's. */
  dir: string;
  slug: string;
  meta: FrontMatter;
  /** The body as HTML; image sources are absolute file:// URLs. */
  bodyHtml: string;
  /** The images the body shows, in reading order. */
  images: ArticleImage[];
  /** front matter description, else subtitle, else the first paragraph, shortened. */
  description: string;
  /** Who the article is by: the byline, else the publication. */
  authors: string[];
  sourceBytes: Buffer;
  /** The publication time when the date was written with one (ISO 8601). */
  dateTime: string | undefined;
  /** Site-generator fields left out of its front matter. */
  ignoredFields: string[];
  /** Fields nothing knows, left out of its front matter. */
  unknownFields: string[];
  /** Photos downloaded (or read from the cache) by their URL, with the SHA-256 of their bytes. */
  remoteImages: { url: string; sha256: string }[];
  /** Folders beside `dir` the article's images are in (the remote-photo cache), for rendering to read. */
  imageFolders: string[];
  /** What was read in a way the author may not expect (a site path as a file beside the article, a caption from the photo). */
  notes: string[];
  /** What the photos' checks found (credit-mismatch, low-resolution), at lines of the article. */
  photoFindings: PhotoFinding[];
  /** Lines of figures whose credit came from the photo's own metadata. */
  creditedFromPhoto: number[];
  /** The byline's names written as links to web pages (see inline-text.ts's bylinePeople). */
  bylineLinks: SourceArticle['bylineLinks'];
}

export interface ArticleImage {
  /** Absolute path of the file. */
  path: string;
  alt: string;
  /** Its figure's photo credit (from the Markdown, else from the photo). */
  credit?: string;
  /** What its copies' XMP says: the photo's own credit fields, completed by the figure's. */
  photoCredit?: PhotoCredit;
  /** Each edition's copy, from the image pipeline (undefined when no copies were made: imprint check). */
  copies?: PhotoCopies;
}

export async function prepareArticle(
  source: SourceArticle,
  limits: InputLimits = defaultLimits,
  allowHtml = false,
  photos?: PhotoOptions,
  remoteImages?: RemoteImagePolicy,
  labels: readonly LabelOverrides[] = [],
): Promise<Article> {
  const fileLine = (bodyLine: number) => fileLineOf(source, bodyLine);
  const locate = (image: ImageReference) => ({ file: source.path, line: fileLine(image.bodyLine) });

  const images: ArticleImage[] = [];
  const notes: string[] = [...source.notes];
  const imageUrl = (image: ImageReference) => {
    const path = remote.get(image.src)?.path ?? resolveImage(source, image, locate, notes, remoteImages !== undefined);
    images.push({ path, alt: image.alt, ...(image.credit && { credit: image.credit }) });
    return pathToFileURL(path).href;
  };
  const relrefTitles = await titlesOf(relrefTargets(source.body), source.dir);
  const remote = await fetchRemoteImages(source, remoteImages, fileLine);
  const render = (env: FigureEnv) => {
    try {
      return renderBody(source.body, source.meta.lang, imageUrl, allowHtml, {
        relrefTitles,
        resolveLinks: true,
        site: source.site,
        page: source.meta.source,
        labels,
        ...env,
      });
    } catch (error) {
      if (error instanceof BodyError)
        throw new ImprintError(error.message, { file: source.path, line: fileLine(error.bodyLine) }, error.hint);
      throw error;
    }
  };
  let rendered = render({});

  // A downloaded photo is checked like any other, inside the cache it was downloaded to.
  await Promise.all(
    rendered.images.map((image, i) =>
      checkImageFile(
        images[i]!.path,
        remote.has(image.src) ? remoteImages!.cacheDir : source.dir,
        limits.maxImageBytes,
        locate(image),
        image.src,
      ),
    ),
  );
  const photoResults = { findings: [] as PhotoFinding[], creditedFromPhoto: [] as number[] };
  if (photos) {
    const places: PhotoPlace[] = rendered.images.map((image, i) => ({
      path: images[i]!.path,
      written: image.src,
      where: locate(image),
    }));
    const facts = await readArticlePhotos(places, {
      ...photos,
      settings: { ...photos.settings, maxPixels: limits.maxImagePixels ?? photos.settings.maxPixels },
    });
    const photoText = embeddedTexts(places, facts);
    if (Object.keys(photoText).length > 0) {
      // Again, with the photos' own captions and credits for the figures that give none.
      const env: FigureEnv = { photoText, fromPhoto: [] };
      images.length = 0;
      notes.length = source.notes.length;
      rendered = render(env);
      for (const filled of env.fromPhoto ?? []) {
        const what = [filled.caption && 'caption', filled.credit && `credit "${photoText[filled.src]?.credit ?? ''}"`]
          .filter(Boolean)
          .join(' and ');
        notes.push(
          `${source.path}:${fileLine(filled.bodyLine)}: the figure's ${what} taken from photo "${filled.src}" (its IPTC/XMP)`,
        );
        if (filled.credit) photoResults.creditedFromPhoto.push(fileLine(filled.bodyLine));
      }
    }
    const credits = images.map((image) => image.credit);
    photoResults.findings = photoFindings(places, facts, credits);
    notes.push(...photoNotes(places, facts, photos.settings.keepLocation));
    const copies = photos.makeCopies ? await makeArticleCopies(places, facts, credits, photos.settings) : undefined;
    images.forEach((image, i) => {
      image.photoCredit = publishedCredit(facts[i]!, image.credit);
      if (copies) image.copies = copies[i];
    });
  }

  const { meta } = source;
  const printed = [
    meta.title,
    meta.subtitle,
    meta.publication,
    ...meta.byline,
    ...meta.credits,
    meta.source,
    htmlText(rendered.html),
  ];
  checkGlyphs(printed.filter(Boolean).join('\n'), meta.lang, {
    path: source.path,
    text: source.sourceBytes.toString('utf8'),
  });
  return {
    path: source.path,
    dir: source.dir,
    slug: source.slug,
    meta,
    bodyHtml: rendered.html,
    images,
    description: meta.description ?? meta.subtitle ?? shorten(rendered.firstParagraph, 300) ?? meta.title,
    authors: meta.byline.length > 0 ? meta.byline : [meta.publication],
    sourceBytes: source.sourceBytes,
    dateTime: source.dateTime,
    ignoredFields: source.ignoredFields,
    bylineLinks: source.bylineLinks,
    unknownFields: source.unknownFields,
    remoteImages: [...remote.values()].map(({ url, sha256 }) => ({ url, sha256 })),
    imageFolders: remote.size > 0 ? [remoteImages!.cacheDir] : [],
    notes,
    photoFindings: photoResults.findings,
    creditedFromPhoto: photoResults.creditedFromPhoto,
  };
}

/** The body's remote photos (http and https), downloaded or read from the cache when the publisher allows it. */
async function fetchRemoteImages(
  source: SourceArticle,
  policy: RemoteImagePolicy | undefined,
  fileLine: (bodyLine: number) => number,
): Promise<Map<string, CachedImage>> {
  const found = new Map<string, CachedImage>();
  if (!policy) return found;
  const remote = parseBody(source.body, source.meta.lang).flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === 'image' && /^https?:\/\//i.test(child.attrGet('src') ?? ''))
      .map((child) => ({ src: child.attrGet('src')!, line: token.map?.[0] ?? 0 })),
  );
  for (const { src, line } of remote)
    if (!found.has(src))
      found.set(src, await fetchRemoteImage(src, policy, { file: source.path, line: fileLine(line) }));
  return found;
}

function resolveImage(
  source: SourceArticle,
  image: ImageReference,
  locate: (image: ImageReference) => { file: string; line: number },
  notes: string[],
  fetching: boolean,
): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(image.src)) {
    const host = /^https?:\/\/([^/?#]+)/i.exec(image.src)?.[1];
    throw new ImprintError(
      `image "${image.src}" is a remote URL; imprint fetches photos only from hosts the publisher allows`,
      locate(image),
      host && !fetching
        ? `Allow it with "images: { fetch: [${host}] }" in imprint.yaml (or --fetch-images): it is downloaded once into .imprint-cache/. Or download it into ${source.dir} (the article's folder under content/) and refer to it by a relative path.`
        : `Download the image into ${source.dir} (the article's folder under content/) and refer to it by a relative path.`,
    );
  }
  // "photo.jpg#icon", "photo.jpg?w=800": the file is photo.jpg.
  const written = decodeURI(image.src.split(/[?#]/)[0]!);
  if (written.startsWith('/')) {
    // A path on the published site (/2011/03/post/photo.jpg): the file of that name in the article's own
    // folder, if it is there; never anything outside it.
    const beside = join(source.dir, basename(written));
    if (existsSync(beside)) {
      notes.push(
        `${locate(image).file}:${locate(image).line}: image "${image.src}" read as ${basename(written)} in the article's folder`,
      );
      return beside;
    }
  }
  const path = resolve(source.dir, written);
  if (isOutside(source.dir, path)) {
    throw new ImprintError(
      `image "${image.src}" is outside the article's folder`,
      locate(image),
      `Copy the image into ${source.dir} and refer to it by a relative path.`,
    );
  }
  return path;
}

/** Cuts at a word boundary and adds an ellipsis; undefined for empty text. */
function shorten(text: string, limit: number): string | undefined {
  if (text === '') return undefined;
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The titles of the articles Hugo's relref shortcodes name, found as Hugo would: relative to the article,
 * or to a folder above it (the content root), as a file, a .md file or a page bundle.
 */
async function titlesOf(targets: readonly string[], dir: string): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  for (const target of new Set(targets)) {
    const clean = target.replace(/^\/+|\/+$/g, '').split('#')[0]!;
    const bases = [dir, ...Array.from({ length: 4 }, (_, i) => resolve(dir, ...Array(i + 1).fill('..')))];
    const candidates = bases.flatMap((base) =>
      [clean, `${clean}.md`, `${clean}/index.md`, `${clean}/_index.md`].map((name) => join(base, name)),
    );
    for (const candidate of candidates) {
      const text = await readFile(candidate, 'utf8').catch(() => undefined);
      // The linked article's title as written in its YAML (title: …) or TOML (title = "…") front matter.
      const title = text && /^(?:---|\+\+\+)\r?\n[\s\S]*?^title\s*[:=]\s*["']?(.+?)["']?\s*$/m.exec(text)?.[1];
      if (title) {
        titles[target] = title;
        break;
      }
    }
  }
  return titles;
}
