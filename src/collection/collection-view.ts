// What every edition of a collection shows of it: its articles in reading order with their sections, its
// title block, its photo with the credit, and where each article's place is.
import { pathToFileURL } from 'node:url';
import type { Article } from '../article/article.js';
import type { HouseStyle } from '../config/house-style.js';
import type { ArticleView } from '../editions/page/article-view.js';
import { textDirection } from '../fonts/writing-systems.js';
import { displayDate as formatDate } from '../labels/dates.js';
import { fillLabel, labelsFor } from '../labels/labels.js';
import type { Collection } from './collection-file.js';

/** The articles of a collection, in reading order, with the section each opens (if it opens one). */
export interface CollectedArticle {
  article: Article;
  /** What its templates show (made once, for every edition of the collection). */
  view: ArticleView;
  section: string | undefined;
}

/** `entries` (one per collected article) grouped under the sections their articles open or continue. */
export function bySection<T>(
  collected: readonly CollectedArticle[],
  entries: readonly T[],
): { title: string | undefined; entries: T[] }[] {
  const sections: { title: string | undefined; entries: T[] }[] = [];
  collected.forEach(({ section }, index) => {
    if (index === 0 || section !== collected[index - 1]!.section) sections.push({ title: section, entries: [] });
    sections.at(-1)!.entries.push(entries[index]!);
  });
  return sections;
}

/** What a collection's title page shows, in print and on the web: its head, and its photo with the credit. */
export function collectionHead(collection: Collection, collected: readonly CollectedArticle[], style: HouseStyle) {
  const labels = labelsFor(collection.lang, style.labels);
  const displayDate = formatDate(collection.date, collection.lang, style);
  // The collection's own cover photo, else the first article photo, with its credit.
  const lead = collected.find(({ article }) => article.images[0])?.article.images[0];
  const path = collection.cover ?? lead?.path;
  const photo = path && {
    path,
    url: pathToFileURL(path).href,
    alt: collection.cover ? '' : (lead?.alt ?? ''),
    credit: !collection.cover && lead?.credit ? fillLabel(labels.photo, { credit: lead.credit }) : undefined,
  };
  const logo = style.theme?.logo;
  const head = {
    lang: collection.lang,
    dir: textDirection(collection.lang),
    title: collection.title,
    publication: collection.publication,
    subtitle: collection.subtitle,
    displayDate,
    logoUrl: logo && pathToFileURL(logo.path).href,
  };
  return { labels, displayDate, photo: photo || undefined, head };
}
