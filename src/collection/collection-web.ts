// A collection's web edition: one page with the title block, the contents (by section) linking down to each
// article, every article in full, and the download block for the collection's other editions. It is the
// article's web page (see editions/web/web.ts) with the collection as its content.
import Mustache from 'mustache';
import type { HouseStyle } from '../config/house-style.js';
import { readTemplate, renderArticleFragment } from '../editions/page/article-view.js';
import { articleAnchor } from '../editions/publication.js';
import { articleMeta, type PublicationMeta } from '../editions/publication-meta.js';
import { newsArticle, renderWebPage, type WebFile, type WebInputs } from '../editions/web/web.js';
import { textDirection } from '../fonts/writing-systems.js';
import type { Collection } from './collection-file.js';
import { bySection, type CollectedArticle, collectionHead } from './collection-view.js';

export function renderCollectionWeb(
  collection: Collection,
  collected: readonly CollectedArticle[],
  meta: PublicationMeta,
  style: HouseStyle,
  inputs: WebInputs,
): Promise<WebFile[]> {
  const { labels, head, photo } = collectionHead(collection, collected, style);
  const articles = collected.map(({ article, view }, index) => ({
    id: articleAnchor(index),
    lang: article.meta.lang,
    dir: view.dir,
    title: article.meta.title,
    byline: view.byline,
    fragment: renderArticleFragment(view),
    article,
  }));
  const sections = bySection(collected, articles);
  const main = Mustache.render(readTemplate('web/collection.html'), { ...head, labels, photo, sections, articles });
  return renderWebPage(
    {
      lang: collection.lang,
      dir: textDirection(collection.lang),
      title: collection.title,
      publication: collection.publication,
      description: meta.description,
      date: collection.date,
      authors: meta.byline,
      photo: photo && { path: photo.path, alt: photo.alt },
      labels,
      // schema.org's issue of a periodical, with its articles as parts.
      jsonLd: (photoName) => ({
        '@context': 'https://schema.org',
        '@type': 'PublicationIssue',
        name: collection.title,
        ...(collection.subtitle && { alternativeHeadline: collection.subtitle }),
        description: meta.description,
        datePublished: collection.date,
        inLanguage: collection.lang,
        publisher: { '@type': 'Organization', name: collection.publication },
        ...(photoName && { image: photoName }),
        hasPart: articles.map(({ id, article }) => {
          const { '@context': _, ...part } = newsArticle(articleMeta(article), undefined) as Record<string, unknown>;
          return { ...part, url: `#${id}` };
        }),
      }),
    },
    main,
    inputs,
  );
}
