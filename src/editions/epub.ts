// The e-reader edition: Article → EPUB 3. epub-gen-memory generates it with our own OPF, chapter, nav and
// NCX templates; finishEpub then adds the cover (drawn by Chromium with the print page) and the fonts'
// licence, and makes the container reproducible.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { EPub, type Options } from 'epub-gen-memory';
import Mustache from 'mustache';
import type { Article } from '../article/article.js';
import { readTemplate, renderArticleFragment, type ArticleView } from './article-view.js';
import { finishEpub, type ExtraFile } from './epub-finish.js';
import { coverFiles, fontLicenceFile, packageFields } from './epub-package.js';
import { embeddedFontCss, fontLicencePath, fontsToEmbed, type EmbeddedFont } from './fonts.js';

export interface EpubContext {
  buildDate: Date;
  /** The cover JPEG, captured from the print page (see print.ts and cover.ts). */
  cover: Promise<Uint8Array>;
}

const chapterFile = 'article.xhtml';

export async function renderEpub(article: Article, view: ArticleView, context: EpubContext): Promise<Uint8Array> {
  const { meta } = article;
  const [{ generated, fonts }, cover] = await Promise.all([
    generateEpub(article, view, context.buildDate),
    context.cover,
  ]);
  const coverAlt = `Cover: ${meta.title}. ${meta.publication}, ${view.displayDate}.`;
  const extraFiles: ExtraFile[] = [
    { name: coverFiles.image, bytes: cover },
    { name: coverFiles.page, bytes: Mustache.render(readTemplate('epub/cover.xhtml'), { lang: meta.lang, title: meta.title, image: coverFiles.image, alt: coverAlt }) },
  ];
  if (fonts.length > 0) extraFiles.push({ name: fontLicenceFile, bytes: await readFile(fontLicencePath()) });
  return finishEpub(generated, context.buildDate, extraFiles);
}

/** epub-gen-memory's part, which needs no browser: the package, chapter, nav and NCX, stored uncompressed. */
export async function generateEpub(article: Article, view: ArticleView, buildDate: Date): Promise<{ generated: Uint8Array; fonts: EmbeddedFont[] }> {
  const { meta } = article;
  const chapterHtml = renderArticleFragment(view);
  const fonts = fontsToEmbed(`${meta.title} ${meta.subtitle ?? ''} ${chapterHtml}`);
  const options: Options & ReturnType<typeof packageFields> = {
    ...packageFields(article, { buildDate, hasCover: true, fonts }),
    title: meta.title,
    author: article.authors,
    // epub-gen-memory writes "by anonymous" without a publisher, and EPUBCheck rejects an empty description.
    publisher: meta.publication,
    description: article.description,
    lang: meta.lang,
    date: meta.date,
    tocTitle: 'Contents',
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    version: 3,
    css: readTemplate('epub/epub.css') + embeddedFontCss(fonts),
    fonts: fonts.map((font) => ({ filename: font.filename, url: pathToFileURL(font.path).href })),
    contentOPF: readTemplate('epub/content.opf.ejs'),
    chapterXHTML: readTemplate('epub/chapter.xhtml.ejs'),
    tocXHTML: readTemplate('epub/nav.xhtml.ejs'),
    tocNCX: readTemplate('epub/toc.ncx.ejs'),
    ignoreFailedDownloads: false,
    verbose: false,
  };
  const generator = await new EPub(options, [{ title: meta.title, content: chapterHtml, filename: chapterFile }]).render();
  // Stored, not compressed: finishEpub compresses each file once.
  return { generated: await generator.generateAsync({ type: 'uint8array', compression: 'STORE' }), fonts };
}
