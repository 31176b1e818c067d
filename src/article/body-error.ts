// A problem found in the Markdown body, at a 0-based body line; the caller adds the file and its offset.

export class BodyError extends Error {
  constructor(
    message: string,
    readonly bodyLine: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}
