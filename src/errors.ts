// One error family for everything a user can act on: it names the file, the line where known, and a fix.

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export class ImprintError extends Error {
  override name = 'ImprintError';

  constructor(
    message: string,
    readonly location?: ErrorLocation,
    readonly hint?: string,
    options?: { cause?: unknown; rule?: string },
  ) {
    super(message, options);
    this.rule = options?.rule;
  }

  /** The check rule it breaks (`imprint check` reports it by this id), when it is one. */
  readonly rule: string | undefined;

  /** `file:line:col: message (hint)`, the form editors and terminals turn into links. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const hint = this.hint ? `\n  ${this.hint}` : '';
    return `${where}${this.message}${hint}`;
  }
}

export function formatLocation({ file, line, column }: ErrorLocation): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Wraps anything thrown while working on `file` so the message names it. */
export function attributeTo(file: string, error: unknown): ImprintError {
  if (error instanceof ImprintError) {
    return error.location
      ? error
      : new ImprintError(error.message, { file }, error.hint, { cause: error, rule: error.rule });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImprintError(message, { file }, undefined, { cause: error });
}
