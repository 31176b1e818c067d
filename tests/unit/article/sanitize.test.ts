// The raw-HTML allow-list: no scripts, handlers, frames or javascript: links; only images already checked.
import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../../src/article/sanitize.js';

const checked = new Set(['file:///articles/a.jpg']);

describe('sanitizeBody', () => {
  it('removes scripts, event handlers, frames, forms and styles', () => {
    const out = sanitizeBody(
      '<p onclick="steal()" style="display:none">Hi<script>alert(1)</script></p><iframe src="https://x"></iframe><form><input></form><style>p{}</style>',
      checked,
    );
    expect(out).toBe('<p>Hi</p>');
  });

  it('keeps links only with safe schemes', () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>', checked)).toBe('<a>x</a>');
    expect(sanitizeBody('<a href="//evil.example/x">x</a>', checked)).toBe('<a>x</a>');
    expect(
      sanitizeBody('<a href="https://example.com/a" title="t">x</a> <a href="mailto:desk@example.com">m</a>', checked),
    ).toBe('<a href="https://example.com/a" title="t">x</a> <a href="mailto:desk@example.com">m</a>');
  });

  it('keeps only images the Markdown stage checked', () => {
    expect(sanitizeBody('<img src="file:///articles/a.jpg" alt="A">', checked)).toBe(
      '<img src="file:///articles/a.jpg" alt="A" />',
    );
    expect(
      sanitizeBody('<p><img src="file:///etc/passwd"><img src="https://tracker.example/p.gif"></p>', checked),
    ).toBe('<p></p>');
  });

  it('keeps language, direction, alignment and the credit class, nothing else', () => {
    expect(sanitizeBody('<p lang="fr" dir="ltr" class="x">a</p><span class="credit other">AP</span>', checked)).toBe(
      '<p lang="fr" dir="ltr">a</p><span class="credit">AP</span>',
    );
    expect(sanitizeBody('<table><tr><td style="text-align:right;color:red">1</td></tr></table>', checked)).toBe(
      '<table><tr><td style="text-align:right">1</td></tr></table>',
    );
  });
});
