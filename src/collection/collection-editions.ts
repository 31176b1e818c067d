// A collection's editions, rendered in memory like an article's: the print page (title page, contents,
// articles) gives the PDF, the EPUB cover and the press page; the archival copy is made from the PDF; the
// EPUB has a chapter per article. The PDF editions' metadata comes from the collection standing in for an
// article: its title, every author once, the publication.
import type { Article } from '../article/article.js';
import type { FrontMatter } from '../article/front-matter.js';
import { renderArticleFragment } from '../editions/article-view.js';
import { renderArchivalEdition } from '../editions/archival.js';
import { packageEpub } from '../editions/epub.js';
import { markPageBreaks, pageStarts, pdfPageTexts } from '../editions/page-breaks.js';
import { runningHead } from '../editions/print-html.js';
import { articleHeadings, type FinishedPdf } from '../editions/pdf-metadata.js';
import { pressGeometry, renderPressEdition } from '../editions/press.js';
import { finishPrintEdition, pdfMetadata } from '../editions/print.js';
import { withWebEdition, type RenderedEdition } from '../editions/render-editions.js';
import { pdfFirstPageJpeg } from '../editions/thumbnail.js';
import { labelsFor } from '../labels/labels.js';
import { editionSuffix, type Edition } from '../options.js';
import type { Collection } from './collection-file.js';
import { renderCollectionWeb } from './collection-web.js';
import { renderCollectionPage, type CollectionPrintContext } from './collection-print.js';
import { articleAnchor, bySection, collectionHead, type CollectedArticle } from './collection-view.js';

export async function renderCollectionEditions(collection: Collection, collected: readonly CollectedArticle[], editions: readonly Edition[], context: CollectionPrintContext): Promise<RenderedEdition[]> {
  const whole = collectionAsArticle(collection, collected.map(({ article }) => article));
  const buildDate = new Date(`${collection.date}T00:00:00Z`);
  const wants = (edition: Edition) => editions.includes(edition);
  const printPage = renderCollectionPage(collection, collected, context, { pdf: true, cover: wants('epub'), bleed: wants('press') ? pressGeometry.bleed : undefined });
  printPage.catch(() => undefined);
  let print: Promise<FinishedPdf> | undefined;
  const headings = [labelsFor(collection.lang, context.style.labels).contents, ...collected.flatMap(({ article }) => articleHeadings(article.meta.title, article.bodyHtml))];
  const printPdf = () => (print ??= printPage.then(({ pdf }) => finishPrintEdition(pdf!, whole, buildDate, headings)));
  const meta = pdfMetadata(whole, buildDate);
  const files = await Promise.all(
    editions
      .filter((edition): edition is Exclude<Edition, 'html'> => edition !== 'html')
      .map(async (edition): Promise<RenderedEdition> => {
        const name = `${collection.slug}${editionSuffix[edition]}`;
        if (edition === 'epub') {
          const { cover, startPages } = await printPage;
          const pageTexts = await pdfPageTexts((await printPdf()).bytes, context.tabs.timeoutMs);
          return { edition, name, bytes: await collectionEpub(collection, collected, whole, context, cover!, { pageTexts, startPages }) };
        }
        let pdf: FinishedPdf;
        if (edition === 'pdf') pdf = await printPdf();
        else if (edition === 'archival') pdf = await renderArchivalEdition((await printPdf()).bytes, whole, meta);
        else pdf = await renderPressEdition((await printPage).bleedPdf!, whole, meta, { page: context.page });
        return { edition, name, bytes: pdf.bytes, pages: pdf.pageCount };
      }),
  );
  if (!wants('html')) return files;
  return withWebEdition(files, async (downloads) =>
    renderCollectionWeb(collection, collected, whole, context.style, {
      downloads,
      pageThumbnail: await pdfFirstPageJpeg((await printPdf()).bytes, context.tabs.timeoutMs),
      cover: wants('epub') ? (await printPage).cover : undefined,
    }),
  );
}

/** Where the print edition's pages are: the text of each, and the page each article begins on. */
interface PrintPages {
  pageTexts: string[];
  startPages: number[];
}

function collectionEpub(collection: Collection, collected: readonly CollectedArticle[], whole: Article, context: CollectionPrintContext, cover: Uint8Array, { pageTexts, startPages }: PrintPages): Promise<Uint8Array> {
  const { labels, displayDate } = collectionHead(collection, collected, context.style);
  const printPages: { page: number; filename: string }[] = [];
  const chapters = collected.map(({ article, view }, index) => {
    const filename = `${articleAnchor(index)}.xhtml`;
    // The article's print pages, from the one it begins on to the one before the next article's.
    const first = startPages[index]!;
    const pages = pageTexts.slice(first - 1, (startPages[index + 1] ?? pageTexts.length + 1) - 1);
    const marked = markPageBreaks(renderArticleFragment(view), pageStarts(pages, runningHead(view)), first);
    printPages.push(...marked.pages.map((page) => ({ page, filename })));
    // An article in another language than the collection says so, for reading systems and screen readers.
    const html = article.meta.lang === collection.lang ? marked.html : `<div lang="${article.meta.lang}" xml:lang="${article.meta.lang}">${marked.html}</div>`;
    return { title: article.meta.title, filename, html };
  });
  const titled = collected.some(({ section }) => section !== undefined);
  const sections = titled ? bySection(collected, chapters).map(({ title, entries }) => ({ title: title ?? '', chapters: entries })) : undefined;
  const book = { article: whole, labels, displayDate, chapters, printPages, printEditionPages: pageTexts.length, ...(sections && { sections }) };
  return packageEpub(book, { buildDate: new Date(`${collection.date}T00:00:00Z`), cover: Promise.resolve(cover), theme: context.style.theme });
}

/** The collection as the metadata of one publication: every author, tag and credit once. */
export function collectionAsArticle(collection: Collection, articles: readonly Article[]): Article {
  const once = (values: string[]) => [...new Set(values)];
  const byline = once(articles.flatMap((article) => article.meta.byline));
  const meta: FrontMatter = {
    title: collection.title,
    subtitle: collection.subtitle,
    date: collection.date,
    publication: collection.publication,
    byline,
    source: undefined,
    lang: collection.lang,
    slug: collection.slug,
    description: collection.description,
    tags: once(articles.flatMap((article) => article.meta.tags)),
    credits: once(articles.flatMap((article) => article.meta.credits)),
    rights: collection.rights,
    page: undefined,
    editions: undefined,
  };
  return {
    path: collection.file,
    dir: collection.dir,
    slug: collection.slug,
    meta,
    bodyHtml: '',
    images: articles.flatMap((article) => article.images),
    description: collection.description ?? collection.subtitle ?? `${collection.title}: ${articles.map((article) => article.meta.title).join('; ')}`,
    authors: byline.length > 0 ? byline : [collection.publication],
    sourceBytes: collection.sourceBytes,
    dateTime: undefined,
    ignoredFields: [],
    notes: [],
  };
}
