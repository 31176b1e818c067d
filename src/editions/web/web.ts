// The web edition: out/<slug>/index.html, a page of the article that works from file:// and any static host,
// with its images beside it and a download block for the editions built with it (their size, page count and
// a thumbnail: the PDF's first page, the EPUB's cover). No script runs and nothing leaves the page: the
// stylesheet is inline, fonts are the reader's own. Its head carries the article's description, OpenGraph,
// schema.org NewsArticle JSON-LD (with the photo credit) and links to the PDF and EPUB.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { Edition } from '../../edition.js';
import { formatSize } from '../../format-size.js';
import { formatNumber } from '../../labels/dates.js';
import { fillLabel, type Labels } from '../../labels/labels.js';
import { type ArticleView, readTemplate, renderArticleFragment } from '../page/article-view.js';
import type { PublicationMeta } from '../publication-meta.js';

/** A file of the web edition, named relative to the article's folder. */
export interface WebFile {
  name: string;
  bytes: Uint8Array;
}

/** An edition built with the page, to offer for download. */
export interface Download {
  edition: Exclude<Edition, 'html'>;
  name: string;
  bytes: number;
  pages?: number;
}

export interface WebInputs {
  downloads: Download[];
  /** The PDF's first page as a small JPEG, and the EPUB's cover, when those editions were built. */
  pageThumbnail: Uint8Array | undefined;
  cover: Uint8Array | undefined;
}

export const webFileNames = { page: 'index.html', pageThumbnail: 'page-1.jpg', cover: 'cover.jpg' } as const;

export const mediaTypes: Record<Download['edition'], string> = {
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  press: 'application/pdf',
  archival: 'application/pdf',
};

/** What a web page's head says of it; its main content comes separately, as HTML. */
export interface WebPageHead {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  publication: string;
  description: string;
  /** ISO 8601, with the time when it is known. */
  date: string;
  authors: string[];
  source?: string | undefined;
  /** The photo that stands for the page (og:image), when the main content shows it. */
  photo?: { path: string; alt: string } | undefined;
  labels: Labels;
  /** schema.org data, given the photo's name beside the page. */
  jsonLd: (photoName: string | undefined) => object;
}

/** An article's web page (a collection's is collection/collection-web.ts). */
export function renderWebEdition(meta: PublicationMeta, view: ArticleView, inputs: WebInputs): Promise<WebFile[]> {
  const head: WebPageHead = {
    lang: view.lang,
    dir: view.dir,
    title: view.title,
    publication: view.publication,
    description: meta.description,
    date: meta.dateTime ?? meta.date,
    authors: meta.byline,
    source: view.source,
    photo: meta.images[0],
    labels: view.labels,
    jsonLd: (photoName) => newsArticle(meta, photoName),
  };
  return renderWebPage(head, `<article class="article">\n${renderArticleFragment(view)}\n</article>`, inputs);
}

/** index.html with `main` as its content, its images beside it, and the download block. */
export async function renderWebPage(head: WebPageHead, main: string, inputs: WebInputs): Promise<WebFile[]> {
  const { fragment, images } = await withLocalImages(main);
  const files: WebFile[] = [...images];
  if (inputs.pageThumbnail) files.push({ name: webFileNames.pageThumbnail, bytes: inputs.pageThumbnail });
  if (inputs.cover) files.push({ name: webFileNames.cover, bytes: inputs.cover });
  const { photo, labels, lang } = head;
  const photoName = photo && images.find((image) => image.source === photo.path)?.name;
  const html = Mustache.render(readTemplate('web/page.html'), {
    ...head,
    photo: photoName && { src: photoName, alt: photo.alt },
    css: readTemplate('web/web.css'),
    main: fragment,
    downloads: downloadLinks(inputs, labels, lang),
    // Safe inside <script>: no "<" can close it.
    jsonLd: JSON.stringify(head.jsonLd(photoName), null, 2).replace(/</g, '\\u003c'),
  });
  return [{ name: webFileNames.page, bytes: Buffer.from(html) }, ...files];
}

/** The download block's entries, in the order of the editions. */
export function downloadLinks(
  { downloads, pageThumbnail, cover }: Pick<WebInputs, 'downloads'> & { pageThumbnail: unknown; cover: unknown },
  labels: Labels,
  lang: string,
  prefix = '',
) {
  return downloads.map((download) => ({
    href: prefix + download.name,
    type: mediaTypes[download.edition],
    label: labels[`${download.edition}Edition`],
    facts: [
      ...(download.pages === undefined
        ? []
        : [fillLabel(labels.pageCount, { pages: formatNumber(download.pages, lang) })]),
      formatSize(download.bytes),
    ].join(' · '),
    thumbnail:
      download.edition === 'epub'
        ? cover && prefix + webFileNames.cover
        : pageThumbnail && prefix + webFileNames.pageThumbnail,
  }));
}

/**
 * The page's images (the article's photos at each responsive width, the theme's logo) copied beside it under
 * content-hash names; `src` and `srcset` name the copies.
 */
async function withLocalImages(
  fragment: string,
): Promise<{ fragment: string; images: (WebFile & { source: string })[] }> {
  const images = new Map<string, WebFile & { source: string }>();
  const srcsetUrls = [...fragment.matchAll(/\ssrcset="([^"]+)"/g)].flatMap(([, list]) =>
    list!
      .split(',')
      .map((entry) => entry.trim().split(/\s+/)[0]!)
      .filter((url) => url.startsWith('file:')),
  );
  for (const url of [...[...fragment.matchAll(/\ssrc="(file:[^"]+)"/g)].map((match) => match[1]!), ...srcsetUrls]) {
    if (images.has(url!)) continue;
    // The URL as written into the HTML: Mustache escapes even its slashes (&#x2F;).
    const source = fileURLToPath(decodeEntities(url!));
    const bytes = await readFile(source);
    const name = `images/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${extname(source).toLowerCase()}`;
    images.set(url!, { name, bytes, source });
  }
  const local = fragment
    .replace(
      /(\ssrc=")(file:[^"]+)"/g,
      (_whole, before: string, url: string) => `${before}${images.get(url)?.name ?? url}"`,
    )
    .replace(
      /(\ssrcset=")([^"]+)"/g,
      (_whole, before: string, list: string) =>
        `${before}${list.replace(/file:[^\s,]+/g, (url) => images.get(url)?.name ?? url)}"`,
    );
  return { fragment: local, images: [...images.values()] };
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) =>
    entity.startsWith('#x') || entity.startsWith('#X')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (named[entity.toLowerCase()] ?? whole),
  );
}

/** schema.org NewsArticle, as search engines and news aggregators read it. */
export function newsArticle(meta: PublicationMeta, photoName: string | undefined): object {
  const photo = meta.images[0];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    ...(meta.subtitle && { alternativeHeadline: meta.subtitle }),
    description: meta.description,
    datePublished: meta.dateTime ?? meta.date,
    inLanguage: meta.lang,
    author:
      meta.byline.length > 0
        ? meta.byline.map((name) => ({ '@type': 'Person', name }))
        : [{ '@type': 'Organization', name: meta.publication }],
    publisher: { '@type': 'Organization', name: meta.publication },
    ...(meta.source && { isBasedOn: meta.source }),
    ...(meta.tags.length > 0 && { keywords: meta.tags.join(', ') }),
    ...(meta.rights && { copyrightNotice: meta.rights }),
    ...(meta.credits.length > 0 && { contributor: meta.credits }),
    ...(meta.translators.length > 0 && { translator: meta.translators.map((name) => ({ '@type': 'Person', name })) }),
    ...(photo &&
      photoName && {
        image: {
          '@type': 'ImageObject',
          contentUrl: photoName,
          ...(photo.alt && { description: photo.alt }),
          ...(photo.credit && { creditText: photo.credit }),
        },
      }),
  };
}
