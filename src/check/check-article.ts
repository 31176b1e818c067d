// Runs the editorial rules on a loaded article and places each finding at its line in the file.
import { fileLineOf, type SourceArticle } from '../article/load-article.js';
import { parseBody } from '../article/markdown.js';
import { ImprintError } from '../errors.js';
import type { Diagnostic } from './diagnostic.js';
import { rules } from './rules.js';

export function checkArticle(source: SourceArticle): Diagnostic[] {
  let tokens: ReturnType<typeof parseBody>;
  try {
    tokens = parseBody(source.body, source.meta.lang);
  } catch {
    return []; // a body that does not parse is reported by the build itself, with its line
  }
  const input = {
    tokens,
    lines: source.body.split(/\r?\n/),
    siteKnown: source.site !== undefined,
    pageKnown: source.meta.source !== undefined,
  };
  return rules
    .flatMap((rule) => rule(input))
    .map((finding) => ({
      file: source.path,
      line: fileLineOf(source, finding.bodyLine),
      column: finding.column,
      rule: finding.rule,
      severity: 'warning' as const,
      message: finding.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** An input error, as a diagnostic for `imprint check`. */
export function errorDiagnostic(file: string, error: ImprintError): Diagnostic {
  const hint = error.hint ? ` (${error.hint})` : '';
  return {
    file,
    line: error.location?.line ?? 1,
    column: error.location?.column ?? 1,
    rule: error.rule ?? 'invalid-input',
    severity: 'error',
    message: `${error.message}${hint}`,
  };
}

/** --strict: editorial warnings stop the article, with every finding listed. */
export function strictFailure(file: string, warnings: readonly Diagnostic[]): ImprintError | undefined {
  if (warnings.length === 0) return undefined;
  const first = warnings[0]!;
  return new ImprintError(
    `${warnings.length} editorial problem${warnings.length === 1 ? '' : 's'} (--strict): ${warnings.map((w) => `${w.line}:${w.column} ${w.rule}`).join(', ')}`,
    { file, line: first.line, column: first.column },
    'Fix them (imprint check lists each with its message), or build without --strict.',
  );
}
