// The values the article templates show, derived once from an Article; the templates escape every one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import type { Article } from '../article/article.js';
import { templatesDir } from '../paths.js';

export interface ArticleView {
  lang: string;
  title: string;
  subtitle: string | undefined;
  publication: string;
  /** "A, B and C", or empty when there is no byline. */
  byline: string;
  displayDate: string;
  bodyHtml: string;
  credits: string[];
  source: string | undefined;
  hasEnd: boolean;
}

export function articleView(article: Article): ArticleView {
  const { meta } = article;
  return {
    lang: meta.lang,
    title: meta.title,
    subtitle: meta.subtitle,
    publication: meta.publication,
    byline: new Intl.ListFormat(meta.lang, { type: 'conjunction' }).format(meta.byline),
    displayDate: new Intl.DateTimeFormat(meta.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${meta.date}T00:00:00Z`)),
    bodyHtml: article.bodyHtml,
    credits: meta.credits,
    source: meta.source,
    hasEnd: meta.credits.length > 0 || meta.source !== undefined,
  };
}

export function readTemplate(name: string): string {
  return readFileSync(join(templatesDir, name), 'utf8');
}

/** A page template rendered by Chromium: the shared <head> comes in as a partial, with any others. */
export function renderPage(template: string, view: object, partials: Record<string, string> = {}): string {
  return Mustache.render(readTemplate(template), view, { pageHead: readTemplate('page-head.html'), ...partials });
}

/** The article itself (head, body, credits), shared by every edition. */
export function renderArticleFragment(view: ArticleView): string {
  return Mustache.render(readTemplate('article.html'), view);
}
