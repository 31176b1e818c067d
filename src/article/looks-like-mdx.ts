// Whether a Markdown body was written for an MDX site, told without loading the MDX parser (mdx.ts, which
// loads only for such a body): a component tag (capitalised) at the start of a line, or an expression anchor.
export function looksLikeMdx(body: string): boolean {
  return /^[ \t]*<[A-Z][\w.]*[\s/>]/m.test(body) || /\{\/\*[\s\S]*?\*\/\}/.test(body);
}
