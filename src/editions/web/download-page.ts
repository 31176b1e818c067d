// output/index.html: the download page for everything the manifest lists, newest first, made again from the
// manifest after every build (so a build of some articles keeps the others listed). Like the web edition, it
// needs no script and loads nothing from elsewhere.
import { basename } from 'node:path';
import Mustache from 'mustache';
import type { HouseStyle } from '../../config/house-style.js';
import { textDirection } from '../../fonts/writing-systems.js';
import { displayDate, nameList } from '../../labels/dates.js';
import { fillLabel, labelsFor } from '../../labels/labels.js';
import type { Manifest, ManifestArticle } from '../../output/manifest.js';
import { readTemplate } from '../page/article-view.js';
import { articleAnchor } from '../publication.js';
import { type Download, downloadLinks, webFileNames } from './web.js';

export const downloadPageName = 'index.html';

/**
 * The page in parts, as Mustache would render templates/web/index.html whole (the same bytes), one article's
 * entry at a time: the page of 10,000 articles is 10 MB, and its views and text are never all held at once.
 */
export function* downloadPageParts(manifest: Manifest, style: HouseStyle): Generator<string> {
  const lang = typeof style.defaults.lang === 'string' ? style.defaults.lang : 'en';
  const labels = labelsFor(lang, style.labels);
  const listed = Object.entries(manifest.articles)
    .map(([slug, entry]) => ({ slug, entry, summary: entry.article }))
    .sort((a, b) => (b.summary?.date ?? '').localeCompare(a.summary?.date ?? '') || a.slug.localeCompare(b.slug));
  const publications = new Set(listed.map(({ summary }) => summary?.publication).filter(Boolean));
  const title = publications.size === 1 ? [...publications][0]! : labels.allArticles;
  const page = { lang, dir: textDirection(lang), title, css: readTemplate('web/web.css') };
  const { before, each, after } = articlesSection(readTemplate('web/index.html'));
  yield Mustache.render(before, page);
  for (const { slug, entry, summary } of listed) {
    // Inside the section Mustache looks names up in the article's view first, then the page's: so here.
    yield Mustache.render(each, { ...page, ...listedArticle(slug, entry, summary, manifest, style) });
  }
  yield Mustache.render(after, page);
}

/** The template cut around its `{{#articles}}` section: what comes before, the section's body, what comes after. */
function articlesSection(template: string): { before: string; each: string; after: string } {
  const open = '{{#articles}}\n';
  const close = '{{/articles}}\n';
  const start = template.indexOf(open);
  const end = template.indexOf(close, start);
  if (start < 0 || end < 0) throw new Error(`templates/web/index.html has no ${open.trim()} … ${close.trim()} section`);
  return {
    before: template.slice(0, start),
    each: template.slice(start + open.length, end),
    after: template.slice(end + close.length),
  };
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
        ? fillLabel(labels.byline, { names: nameList(lang).format(summary.byline) })
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
