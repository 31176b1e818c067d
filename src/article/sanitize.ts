// With raw HTML turned on (--html), the rendered body passes through an allow-list sanitiser before any
// edition sees it: no scripts, event handlers, frames, forms or styles that hide content, no javascript:
// links, and images only where they are files the Markdown stage has already checked.
import type sanitizeHtml from 'sanitize-html';
import { lazyRequire } from '../lazy-require.js';

const loadSanitizeHtml = lazyRequire<typeof sanitizeHtml>('sanitize-html');

const alignment = { 'text-align': [/^(left|right|center)$/] };

export function sanitizeBody(html: string, checkedImageUrls: ReadonlySet<string>): string {
  return loadSanitizeHtml()(html, {
    allowedTags: [
      'p',
      'br',
      'hr',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'blockquote',
      'ul',
      'ol',
      'li',
      'dl',
      'dt',
      'dd',
      'pre',
      'code',
      'em',
      'strong',
      'del',
      's',
      'sub',
      'sup',
      'small',
      'mark',
      'abbr',
      'cite',
      'q',
      'a',
      'img',
      'figure',
      'figcaption',
      'span',
      'bdi',
      'bdo',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title'],
      abbr: ['title'],
      th: ['colspan', 'rowspan', 'style'],
      td: ['colspan', 'rowspan', 'style'],
      span: ['class'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { span: ['credit'] },
    allowedStyles: { th: alignment, td: alignment },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['file'] },
    allowProtocolRelative: false,
    exclusiveFilter: (frame) => frame.tag === 'img' && !checkedImageUrls.has(frame.attribs.src ?? ''),
  });
}
