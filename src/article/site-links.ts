// Links written as the site saw them: a site path (/docs/concepts/) or a path relative to the post
// (../other-post/). On paper and in a one-chapter book they lead nowhere, and an EPUB may not link to a file it
// does not hold (EPUBCheck RSC-007). So a site path resolves against the site's address (imprint.yaml's
// `site:`, else the origin of the article's `source`), a relative one against the article's `source`; with
// neither, the link text stays as plain text (and `imprint check` says so, rule `site-link`).
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from './markdown-types.js';

export interface SiteLinkEnv {
  /** Set when rendering; the editorial checks parse without it, to see the links as written. */
  resolveLinks?: boolean;
  /** The site's address, for site paths. */
  site?: string | undefined;
  /** The article's own address on the site, for relative paths. */
  page?: string | undefined;
}

/** A link that leaves the article for a page on the web or an address a reader can use as it is. */
const absolute = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

/** The address a link is printed with, or undefined when it has none outside the site. */
export function resolveSiteLink(href: string, { site, page }: SiteLinkEnv): string | undefined {
  if (absolute.test(href)) return href;
  if (href.startsWith('//')) return `https:${href}`;
  const base = href.startsWith('/') ? (site ?? (page && new URL(page).origin)) : page;
  if (!base) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** Whether a link is written as a site's own path (so it needs the site's address). */
export function isSitePath(href: string): boolean {
  return href.trim() !== '' && !absolute.test(href) && !href.startsWith('//');
}

export function siteLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('site_links', (state: StateCore) => {
    const env = state.env as SiteLinkEnv;
    if (!env.resolveLinks) return;
    for (const token of state.tokens)
      if (token.type === 'inline' && token.children) token.children = resolveLinks(token.children, env);
  });
}

function resolveLinks(children: Token[], env: SiteLinkEnv): Token[] {
  const out: Token[] = [];
  // Links do not nest in Markdown: a link left without an address drops its open and close tokens, not its text.
  let unlinking = false;
  for (const child of children) {
    if (child.type === 'link_open') {
      const href = child.attrGet('href') ?? '';
      // An empty link is the dead-link rule's to report.
      const resolved = href === '' ? href : resolveSiteLink(href, env);
      unlinking = resolved === undefined;
      if (unlinking) continue;
      child.attrSet('href', resolved!);
    } else if (child.type === 'link_close' && unlinking) {
      unlinking = false;
      continue;
    }
    out.push(child);
  }
  return out;
}
