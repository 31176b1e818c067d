// Front matter as site generators write it (Hugo, Jekyll, Eleventy, WordPress exports), read as imprint's:
// their names for imprint's fields are mapped (author → byline, summary → description, categories → tags),
// their lead photo becomes the article's first figure, dates with a time and zone are accepted (the day is
// the article's date, the whole is kept), drafts are skipped, and fields that mean nothing in print are left
// out and listed, as are fields nothing knows. A misspelling of imprint's own fields is still an error: a name
// within two edits of one of imprint's is kept, for the schema to refuse with its did-you-mean.
import { closestWord } from '../data/closest-word.js';
import { readDate } from './dates.js';
import { knownFields } from './front-matter.js';

export interface FieldRules {
  /** More fields to leave out (imprint.yaml `fields.ignore`). */
  ignore?: readonly string[];
  /** More names for imprint's fields (imprint.yaml `fields.map`, e.g. `writer: byline`). */
  map?: Readonly<Record<string, string>>;
  /** The article's language when imprint.yaml's defaults give it (for dates written out). */
  lang?: string | undefined;
  /** The date when neither the front matter nor the file name gives one (the file's last commit). */
  fallbackDate?: string | undefined;
}

export interface LeadPhoto {
  src: string;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
}

export interface Adapted {
  fields: Record<string, unknown>;
  /** The site generator's fields left out, by name. */
  ignored: string[];
  /** Fields neither imprint's nor a site generator's, nor close to one of imprint's, left out, by name. */
  unknown: string[];
  draft: boolean;
  /** The date as written, when it had a time (RFC 3339 and the like), normalised to ISO 8601. */
  dateTime: string | undefined;
  lead: LeadPhoto | undefined;
}

/** Other names for imprint's fields, as site generators and exports write them. */
const aliases: Record<string, string> = {
  author: 'byline',
  authors: 'byline',
  summary: 'description',
  excerpt: 'description',
  categories: 'tags',
  category: 'tags',
  keywords: 'tags',
  canonicalUrl: 'source',
  canonicalURL: 'source',
  canonical_url: 'source',
  canonical: 'source',
  translator: 'translators',
  translated_by: 'translators',
};

/** The lead photo and what describes it, under the names themes of Hugo and Jekyll use. */
const leadImageFields = [
  'lede',
  'image',
  'featured_image',
  'featuredImage',
  'feature_image',
  'cover',
  'images',
  'thumbnail',
  'header_image',
];
const leadCaptionFields = ['lede_caption', 'image_caption', 'caption', 'cover_caption'];
const leadCreditFields = ['lede_author', 'image_credit', 'photo_credit', 'image_attribution', 'cover_credit'];
const leadAltFields = ['lede_alt', 'image_alt', 'cover_alt', 'alt'];

/** Fields that drive a website (templates, URLs, menus, comments) and mean nothing in print or an e-book. */
export const siteFields = new Set([
  'layout',
  'type',
  'comments',
  'weight',
  'aliases',
  'wordpress_id',
  'wordpress_url',
  'wp_id',
  'link',
  'url',
  'permalink',
  'menu',
  'menus',
  'toc',
  'showToc',
  'ShowToc',
  'tocOpen',
  'lastmod',
  'last_modified_at',
  'modified',
  'updated',
  'series',
  'sitemap',
  'redirect_from',
  'redirect_to',
  'guid',
  'id',
  'status',
  'format',
  'post_format',
  'share',
  'featured',
  'hidden',
  'expiryDate',
  'expirydate',
  'publishDate',
  'publishdate',
  'linkTitle',
  'linktitle',
  'markup',
  'outputs',
  'resources',
  'translationKey',
  'disqus_identifier',
  'disqus_url',
  'dsq_thread_id',
  'excerpt_separator',
  'nav',
  'sidebar',
  'math',
  'mathjax',
  'katex',
  'highlight',
  'comments_locked',
  'robots',
  'noindex',
  'seo',
  'headless',
  'build',
  'cascade',
  'reading_time',
  'readingTime',
  'ShowReadingTime',
  'ShowBreadCrumbs',
  'ShowPostNavLinks',
  'ShowWordCount',
  'ShowShareButtons',
  'hideSummary',
  'searchHidden',
  'tag',
  'eleventyNavigation',
  'permalinkPattern',
  'eleventyExcludeFromCollections',
  'pagination',
  'templateEngineOverride',
  'css',
  'js',
  'script',
  'scripts',
  'styles',
  'original_url',
  'syndication',
  'mastodon',
  'twitter',
  'featured_image_alt_hidden',
  'sticky',
  'pinned',
  'thumbnail_alt',
]);

/** Jekyll's post names carry the date: 2011-03-14-the-title.md. */
export const datedFileName = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

export function adaptFrontMatter(
  asWritten: Record<string, unknown>,
  fileStem: string,
  rules: FieldRules = {},
): Adapted {
  // Hugo reads a page's own fields from its `params` table too ([params] in TOML); those at the top win.
  const { params, ...top } = asWritten;
  const raw =
    params && typeof params === 'object' && !Array.isArray(params)
      ? { ...(params as Record<string, unknown>), ...top }
      : asWritten;
  const fields: Record<string, unknown> = {};
  const ignored: string[] = [];
  const unknown: string[] = [];
  const ignore = new Set([...siteFields, ...(rules.ignore ?? [])]);
  const mapped = { ...aliases, ...rules.map };
  const leadNames = new Set([...leadImageFields, ...leadCaptionFields, ...leadCreditFields, ...leadAltFields]);
  let draft = false;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'draft') {
      draft = value === true;
    } else if (key === 'published' && typeof value === 'boolean') {
      draft = !value;
    } else if (leadNames.has(key) && !(key in mapped)) {
      // read below
    } else if (key in mapped) {
      const target = mapped[key]!;
      fields[target] = target === 'tags' ? [...asList(fields[target]), ...asList(value)] : (fields[target] ?? value);
    } else if (ignore.has(key)) {
      ignored.push(key);
    } else if (!knownFields.includes(key) && closestWord(key, knownFields) === undefined) {
      // Nothing like a misspelt field of imprint's (canonicalUrl, origin, title_kh): it cannot be what the author meant.
      unknown.push(key);
    } else {
      fields[key] = key === 'tags' ? [...asList(fields.tags), ...asList(value)] : value;
    }
  }
  if (Array.isArray(fields.tags)) fields.tags = [...new Set(fields.tags.map(String))];

  let dateTime: string | undefined;
  if (fields.date !== undefined) {
    const reading = readDate(fields.date, typeof fields.lang === 'string' ? fields.lang : rules.lang);
    // Unreadable, it stays as written, and the schema says why (front-matter.ts).
    if (reading.ok) {
      fields.date = reading.date;
      dateTime = reading.dateTime;
    }
  }
  const fromName = datedFileName.exec(fileStem);
  if (fields.date === undefined && fromName) fields.date = fromName[1];
  if (fields.date === undefined && rules.fallbackDate) fields.date = rules.fallbackDate;

  return { fields, ignored, unknown, draft, dateTime, lead: leadPhoto(raw) };
}

function leadPhoto(raw: Record<string, unknown>): LeadPhoto | undefined {
  const first = (names: readonly string[]) =>
    names.map((name) => raw[name]).find((value) => value !== undefined && value !== null && value !== '');
  let image = first(leadImageFields);
  if (Array.isArray(image)) image = image[0];
  // Some themes nest it: cover: { image: x.jpg, alt: …, caption: … }
  let nested: Record<string, unknown> = {};
  if (image && typeof image === 'object') {
    nested = image as Record<string, unknown>;
    image = nested.image ?? nested.src ?? nested.url;
  }
  if (typeof image !== 'string' || image.trim() === '') return undefined;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return {
    src: image.trim(),
    alt: text(nested.alt) ?? text(first(leadAltFields)) ?? '',
    caption: text(nested.caption) ?? text(first(leadCaptionFields)),
    credit: text(nested.credit) ?? text(first(leadCreditFields)),
  };
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A front-matter caption as one line of the figure's paragraph: its lines joined, and a start that Markdown
 * would read as a block of its own ("1. Ferries…" a list, "# 3" a heading, ":::" the figure's end, "<div>"
 * HTML) escaped, so that the caption stays the words it is. Inline Markdown (emphasis, links) still works.
 */
function captionLine(caption: string): string {
  const line = caption.replace(/\s+/g, ' ').trim();
  const ordered = /^(\d{1,9})([.)])(?= |$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return blockStart.test(line) ? `\\${line}` : line;
}

/** HTML elements whose tag opens an HTML block (CommonMark's kinds 1 and 6): inline ones (<em>, <a>) do not. */
const htmlBlockTags =
  'address|article|aside|blockquote|body|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|script|section|style|table|textarea|ul';

/** What opens a block (or underlines the line before as a heading) where a caption's line begins. */
const blockStart = new RegExp(
  `^(?:#{1,6}(?: |$)|>|[-+*](?: |$)|[-=]+$|(?:[-*_] ?){3,}$|:::|\`{3}|~{3}|<(?:[!?]|/?(?:${htmlBlockTags})(?:[\\s/>]|$)))`,
  'i',
);

/** The lead photo as the figure that opens the body, in imprint's own Markdown. */
export function leadFigure(lead: LeadPhoto): string {
  const caption = [lead.caption && captionLine(lead.caption), lead.credit && `**${lead.credit}**`]
    .filter(Boolean)
    .join(' ');
  return `::: figure\n![${lead.alt.replace(/[[\]]/g, '')}](<${lead.src}>)\n${caption}\n:::\n\n`;
}
