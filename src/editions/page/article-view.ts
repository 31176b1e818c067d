// The values the article templates show, derived once from an Article; the templates escape every one but
// the body and the byline's HTML, which is escaped here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Mustache from 'mustache';
import type { Article } from '../../article/article.js';
import type { HouseStyle } from '../../config/house-style.js';
import { textDirection } from '../../fonts/writing-systems.js';
import { displayDate, nameList, pageNumbering } from '../../labels/dates.js';
import { fillLabel, type Labels, labelsFor, splitLabel } from '../../labels/labels.js';
import { templatesDir } from '../../paths.js';

export interface ArticleView {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  subtitle: string | undefined;
  publication: string;
  /** The theme's logo (file URL), shown instead of the publication's name, which becomes its alt text. */
  logoUrl: string | undefined;
  /** "By A, B and C" in the article's language, or empty when there is no byline. */
  byline: string;
  /** The same as HTML, each name that was written as a link to a web page linked there. */
  bylineHtml: string;
  displayDate: string;
  bodyHtml: string;
  credits: string[];
  /** "Translated by A and B" in the article's language, or empty when it names no translator. */
  translatedBy: string;
  source: string | undefined;
  /** The words around the source link ("Originally published at …"). */
  sourceLabel: { before: string; after: string };
  hasEnd: boolean;
  labels: Labels;
  /** The CSS counter style of its page numbers: the language's usual digits, or imprint.yaml's numerals. */
  counterStyle: string;
  /** Its ten digits in that style, for the fonts to cover. */
  digits: string;
}

export function articleView(article: Article, style: HouseStyle): ArticleView {
  const { meta } = article;
  const labels = labelsFor(meta.lang, style.labels);
  const names = nameList(meta.lang).format(meta.byline);
  const logo = style.theme?.logo;
  return {
    lang: meta.lang,
    dir: textDirection(meta.lang),
    title: meta.title,
    subtitle: meta.subtitle,
    publication: meta.publication,
    logoUrl: logo && pathToFileURL(logo.path).href,
    byline: meta.byline.length > 0 ? fillLabel(labels.byline, { names }) : '',
    bylineHtml: meta.byline.length > 0 ? bylineHtml(labels.byline, meta.byline, article.bylineLinks, meta.lang) : '',
    displayDate: displayDate(meta.date, meta.lang, style),
    bodyHtml: article.bodyHtml,
    credits: meta.credits,
    translatedBy:
      meta.translators.length > 0
        ? fillLabel(labels.translatedBy, {
            names: nameList(meta.lang).format(meta.translators),
          })
        : '',
    source: meta.source,
    sourceLabel: splitLabel(labels.source, '{link}'),
    hasEnd: meta.credits.length > 0 || meta.translators.length > 0 || meta.source !== undefined,
    labels,
    ...pageNumbering(meta.lang, style.numerals),
  };
}

/** "By A and B" as HTML: the label's words and the names escaped, a name written as a link linked. */
function bylineHtml(label: string, names: readonly string[], links: Article['bylineLinks'], lang: string): string {
  const person = (name: string) => {
    const link = links[name];
    const at = link ? name.indexOf(link.text) : -1;
    if (!link || at < 0) return Mustache.escape(name);
    const { text, url } = link;
    const after = name.slice(at + text.length);
    return `${Mustache.escape(name.slice(0, at))}<a href="${Mustache.escape(url)}">${Mustache.escape(text)}</a>${Mustache.escape(after)}`;
  };
  const list = nameList(lang)
    .formatToParts(names)
    .map((part) => (part.type === 'element' ? person(part.value) : Mustache.escape(part.value)))
    .join('');
  const { before, after } = splitLabel(label, '{names}');
  return `${Mustache.escape(before)}${list}${Mustache.escape(after)}`;
}

export function readTemplate(name: string): string {
  return readFileSync(join(templatesDir, name), 'utf8');
}

/** A page template rendered by Chromium: the shared <head> parts come in as partials, with any others. */
export function renderPage(template: string, view: object, partials: Record<string, string> = {}): string {
  return Mustache.render(readTemplate(template), view, {
    pageHead: readTemplate('page-head.html'),
    printHead: readTemplate('print/head.html'),
    ...partials,
  });
}

/** The article itself (head, body, credits), shared by every edition. */
export function renderArticleFragment(view: ArticleView): string {
  return Mustache.render(readTemplate('article.html'), view);
}
