// A tab keeps the document it last loaded and takes the next page into it when both link the same
// stylesheets. Loading a fresh document costs more than rendering a short article: Chromium parses every
// stylesheet again and decodes and checks every web font again (file:// answers are not cached), about
// 40 ms of CPU per page for the bundled Noto fonts alone. Taken into a loaded document, the page keeps
// those; everything else (the <html> attributes, the rest of the head, the body) is the new page's.
import { Parser } from 'htmlparser2';
import type { Page } from 'puppeteer-core';

export interface LinkedStylesheets {
  /** The head's <link> elements as written, in order: pages with the same key can share one document. */
  key: string;
  /** Their URLs, which the next page's sandbox must allow too before it may keep them. */
  urls: string[];
}

export function linkedStylesheets(html: string): LinkedStylesheets {
  const headEnd = html.search(/<\/head>/i);
  const head = html.slice(0, Math.max(headEnd, 0));
  const urls: string[] = [];
  const parser = new Parser({
    onopentag: (name, attributes) =>
      void (name === 'link' && attributes.href !== undefined && urls.push(attributes.href)),
  });
  parser.end(head);
  return { key: (head.match(/<link\b[^>]*>/gi) ?? []).join('\n'), urls };
}

/**
 * Puts `html` in place of the loaded document: the head's <link> elements stay where they are (with their
 * style sheets and fonts), the new head's other elements go between them in the new page's order, so the
 * cascade is the new page's; the <html> attributes and the body are replaced. Scripts in `html` stay inert:
 * DOMParser marks them so, and the tab runs no script.
 */
export async function replaceDocument(page: Page, html: string): Promise<void> {
  await page.evaluate((source) => {
    const next = new DOMParser().parseFromString(source, 'text/html');
    const root = document.documentElement;
    for (const { name } of Array.from(root.attributes)) root.removeAttribute(name);
    for (const { name, value } of Array.from(next.documentElement.attributes)) root.setAttribute(name, value);
    const head = document.head;
    const links = Array.from(head.children).filter((element) => element.tagName === 'LINK');
    for (const element of Array.from(head.children)) if (element.tagName !== 'LINK') element.remove();
    let linksBefore = 0;
    for (const element of Array.from(next.head.children)) {
      if (element.tagName === 'LINK') linksBefore++;
      else head.insertBefore(document.adoptNode(element), links[linksBefore] ?? null);
    }
    document.body.replaceWith(document.adoptNode(next.body));
  }, html);
}
