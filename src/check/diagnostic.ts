// A finding about an article, in the form editors and terminals act on: path:line:col  rule  message.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.rule}  ${d.message}`;
}
