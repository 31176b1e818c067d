// markdown-it's link-label scan with a depth limit, so that a paragraph of thousands of "[" (or "![") parses
// in linear time. markdown-it looks for the "]" that closes a label from every "[" to the end of the
// paragraph, counting the "[" it meets; when none closes, each scan is as long as the rest of the paragraph
// and the whole is quadratic (80 kB of "[": 46 s). A scan that meets more unclosed "[" than any link text
// holds gives up: only a bounded number of scans can then be open across any point, so the total is linear.
import type MarkdownIt from 'markdown-it';
import type { StateInline } from './markdown-types.js';

/** Nesting of "[" inside one link's text that no article has; deeper text is read as text, not a link. */
export const deepestLinkLabel = 32;

export function linkLabelPlugin(md: MarkdownIt): void {
  md.helpers.parseLinkLabel = parseBoundedLinkLabel;
}

/** markdown-it's parseLinkLabel (helpers/parse_link_label.mjs), but -1 once `deepestLinkLabel` "[" are open. */
function parseBoundedLinkLabel(state: StateInline, start: number, disableNested = false): number {
  const max = state.posMax;
  const oldPos = state.pos;
  let level = 1;
  let found = false;
  state.pos = start + 1;
  while (state.pos < max) {
    const marker = state.src.charCodeAt(state.pos);
    if (marker === 0x5d /* ] */ && --level === 0) {
      found = true;
      break;
    }
    const prevPos = state.pos;
    state.md.inline.skipToken(state);
    if (marker === 0x5b /* [ */) {
      if (prevPos === state.pos - 1) {
        // a "[" that is not part of any token opens one more level
        if (++level > deepestLinkLabel) break;
      } else if (disableNested) {
        state.pos = oldPos;
        return -1;
      }
    }
  }
  const labelEnd = found ? state.pos : -1;
  state.pos = oldPos;
  return labelEnd;
}
