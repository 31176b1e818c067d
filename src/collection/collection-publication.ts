// A collection as a publication: everything where it differs from an article, in one place. Its metadata
// gathers its articles' (every author, tag and credit once); its bookmarks are the contents page's and every
// article's; its print page has a title page and contents (collection-print.ts); its EPUB has a chapter per
// article, grouped by section; its web page shows every article in full (collection-web.ts).
import type { HouseStyle } from '../config/house-style.js';
import type { EpubBook } from '../editions/epub/epub.js';
import { renderArticleFragment } from '../editions/page/article-view.js';
import { markPageBreaks, pageStarts } from '../editions/page/page-breaks.js';
import { runningHead } from '../editions/page/print-html.js';
import {
  articleAnchor,
  articleHeadings,
  forEdition,
  type Publication,
  photoFolders,
  withPhotos,
} from '../editions/publication.js';
import type { PublicationMeta } from '../editions/publication-meta.js';
import { textDirection } from '../fonts/writing-systems.js';
import type { ImageEdition } from '../images/edition-images.js';
import type { Collection } from './collection-file.js';
import { bySection, type CollectedArticle, collectionHead } from './collection-view.js';

export function collectionPublication(
  collection: Collection,
  collected: readonly CollectedArticle[],
  style: HouseStyle,
): Publication {
  const meta = collectionMeta(collection, collected);
  const { labels, head, photo } = collectionHead(collection, collected, style);
  // Its articles' photos, and the collection's own cover photo beside its file.
  const folders = [
    ...new Set(collected.map(({ article }) => article.dir)),
    ...photoFolders(collected.map(({ article }) => article)),
    ...(collection.cover ? [collection.dir] : []),
  ];
  // Each edition shows its own copy of every photo, as an article's do.
  const shown = (edition: ImageEdition): CollectedArticle[] =>
    collected.map((item) => ({
      ...item,
      article: edition === 'epub' ? item.article : forEdition(item.article, edition),
      view: withPhotos(item.view, item.article, edition),
    }));
  // The cover shows the title page's photo: the collection's own, else the first article photo's print copy.
  const printPhoto =
    collection.cover ?? shown('print').find(({ article }) => article.images[0])?.article.images[0]?.path;
  return {
    meta,
    folders,
    headings: [
      labels.contents,
      ...collected.flatMap(({ article }) => articleHeadings(article.meta.title, article.bodyHtml)),
    ],
    cover: {
      lang: head.lang,
      dir: head.dir,
      publication: head.publication,
      title: head.title,
      subtitle: head.subtitle,
      displayDate: head.displayDate,
      logoPath: style.theme?.logo?.path,
      photoPath: photo && printPhoto,
      photoCredit: photo?.credit,
    },
    // Each edition's code loads when that edition is first made (see editions/render.ts).
    renderPrintPage: async (context, wants) =>
      (await import('./collection-print.js')).renderCollectionPage(
        collection,
        shown('print'),
        { ...context, folders },
        wants,
      ),
    epubBook: async (printPage, pageTexts) =>
      collectionBook(collection, shown('epub'), meta, style, pageTexts, printPage?.startPages),
    renderWebPage: async (inputs) =>
      (await import('./collection-web.js')).renderCollectionWeb(
        collection,
        shown('web'),
        collectionMeta(collection, shown('web')),
        style,
        inputs,
      ),
  };
}

/** The collection's metadata: its own title, date and rights, with every author, tag and credit of its articles once. */
export function collectionMeta(collection: Collection, collected: readonly CollectedArticle[]): PublicationMeta {
  const articles = collected.map(({ article }) => article);
  const once = (values: string[]) => [...new Set(values)];
  const byline = once(articles.flatMap((article) => article.meta.byline));
  return {
    title: collection.title,
    subtitle: collection.subtitle,
    authors: byline.length > 0 ? byline : [collection.publication],
    byline,
    publication: collection.publication,
    lang: collection.lang,
    dir: textDirection(collection.lang),
    date: collection.date,
    dateTime: undefined,
    description:
      collection.description ??
      collection.subtitle ??
      `${collection.title}: ${articles.map((article) => article.meta.title).join('; ')}`,
    tags: once(articles.flatMap((article) => article.meta.tags)),
    credits: once(articles.flatMap((article) => article.meta.credits)),
    translators: once(articles.flatMap((article) => article.meta.translators)),
    rights: collection.rights,
    // Its articles were published at their own sources; the collection has none of its own.
    source: undefined,
    slug: collection.slug,
    images: articles.flatMap((article) => article.images),
  };
}

/** A chapter per article, each with its print pages marked: from the page it begins on to the one before the next article's. */
function collectionBook(
  collection: Collection,
  collected: readonly CollectedArticle[],
  meta: PublicationMeta,
  style: HouseStyle,
  pageTexts: readonly string[],
  /** Where each article begins in the print PDF; undefined when the build makes none (no pages marked). */
  startPages: readonly number[] | undefined,
): EpubBook {
  const { labels, displayDate } = collectionHead(collection, collected, style);
  const printPages: { page: number; filename: string }[] = [];
  const chapters = collected.map(({ article, view }, index) => {
    const filename = `${articleAnchor(index)}.xhtml`;
    const first = startPages?.[index] ?? 1;
    const pages = pageTexts.slice(first - 1, (startPages?.[index + 1] ?? pageTexts.length + 1) - 1);
    const fragment = renderArticleFragment(view);
    const marked = startPages
      ? markPageBreaks(fragment, pageStarts(pages, runningHead(view)), first)
      : { html: fragment, pages: [] };
    printPages.push(...marked.pages.map((page) => ({ page, filename })));
    // An article in another language than the collection says so, for reading systems and screen readers.
    const { lang, dir } = view;
    const html =
      lang === collection.lang && dir === meta.dir
        ? marked.html
        : `<div lang="${lang}" xml:lang="${lang}" dir="${dir}">${marked.html}</div>`;
    return { title: article.meta.title, filename, html };
  });
  const titled = collected.some(({ section }) => section !== undefined);
  const sections = titled
    ? bySection(collected, chapters).map(({ title, entries }) => ({ title: title ?? '', chapters: entries }))
    : undefined;
  // The title page and the contents are print pages too, though no chapter marks them.
  return {
    meta,
    labels,
    displayDate,
    chapters,
    printPages,
    printEditionPages: pageTexts.length,
    ...(sections && { sections }),
  };
}
