// HTML page → PDF bytes: tagged, with an outline, page size from the CSS @page rule.
import { withPage, type PageInput } from './browser-page.js';

export function renderPdf(input: PageInput): Promise<Uint8Array> {
  return withPage(input, (page) =>
    page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: input.timeoutMs }),
  );
}
