// output/index.html: the download page for everything the manifest lists, newest first, made again from the
// manifest after every build (so a build of some articles keeps the others listed). Like the web edition, it
// needs no script and loads nothing from elsewhere.
import { basename } from 'node:path';
import Mustache from 'mustache';
import type { HouseStyle } from '../../config/house-style.js';
import { textDirection } from '../../fonts/writing-systems.js';
import { displayDate } from '../../labels/dates.js';
import { fillLabel, labelsFor } from '../../labels/labels.js';
import type { Manifest, ManifestArticle } from '../../output/manifest.js';
import { readTemplate } from '../page/article-view.js';
import { articleAnchor } from '../publication.js';
import { type Download, downloadLinks, webFileNames } from './web.js';

export const downloadPageName = 'index.html';

export function renderDownloadPage(manifest: Manifest, style: HouseStyle): string {
  const lang = typeof style.defaults.lang === 'string' ? style.defaults.lang : 'en';
  const labels = labelsFor(lang, style.labels);
  const listed = Object.entries(manifest.articles)
    .map(([slug, entry]) => ({ slug, entry, summary: entry.article }))
    .sort((a, b) => (b.summary?.date ?? '').localeCompare(a.summary?.date ?? '') || a.slug.localeCompare(b.slug));
  const publications = new Set(listed.map(({ summary }) => summary?.publication).filter(Boolean));
  const title = publications.size === 1 ? [...publications][0]! : labels.allArticles;
  return Mustache.render(readTemplate('web/index.html'), {
    lang,
    dir: textDirection(lang),
    title,
    css: readTemplate('web/web.css'),
    articles: listed.map(({ slug, entry, summary }) => listedArticle(slug, entry, summary, manifest, style)),
  });
}

/** A file of an entry's web edition (its page, a thumbnail), by name, as a path in the output folder. */
function webFile(entry: ManifestArticle | undefined, name: string): string | undefined {
  return entry?.editions.find((edition) => edition.edition === 'html' && basename(edition.path) === name)?.path;
}

function listedArticle(
  slug: string,
  entry: ManifestArticle,
  summary: ManifestArticle['article'],
  manifest: Manifest,
  style: HouseStyle,
) {
  const lang = summary?.lang ?? 'en';
  const labels = labelsFor(lang, style.labels);
  const file = (name: string) => webFile(entry, name);
  const downloads: Download[] = entry.editions
    .filter((edition) => edition.edition !== 'html')
    .map((edition) => ({
      edition: edition.edition as Download['edition'],
      name: edition.path,
      bytes: edition.bytes,
      ...(edition.pages === undefined ? {} : { pages: edition.pages }),
    }));
  const page = file(webFileNames.page);
  return {
    lang,
    dir: textDirection(lang),
    title: summary?.title ?? slug,
    href: page ?? downloads[0]?.name ?? '#',
    thumbnail: file(webFileNames.pageThumbnail) ?? file(webFileNames.cover),
    byline:
      summary && summary.byline.length > 0
        ? fillLabel(labels.byline, { names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(summary.byline) })
        : '',
    date: summary?.date ?? '',
    displayDate: summary ? displayDate(summary.date, lang, style) : '',
    publication: summary?.publication ?? '',
    description: summary?.description ?? '',
    downloadsLabel: labels.downloads,
    downloads: downloadLinks({ downloads, pageThumbnail: undefined, cover: undefined }, labels, lang),
    // A collection lists its articles, each linked to its own page when it has one, else to its place on the collection's.
    members: entry.collection?.articles.map((member, index) => ({
      title: manifest.articles[member]?.article?.title ?? entry.collection?.titles?.[index] ?? member,
      href: webFile(manifest.articles[member], webFileNames.page) ?? (page && `${page}#${articleAnchor(index)}`),
    })),
    membersLabel: labels.contents,
  };
}
