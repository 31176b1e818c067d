// Reads an article's bytes and refuses what is not a text a person wrote: too large, empty, or not UTF-8.
import { readFile, stat } from 'node:fs/promises';
import { ImprintError } from '../errors.js';
import { formatSize } from '../format-size.js';

export interface SourceText {
  bytes: Buffer;
  /** Decoded, without a byte-order mark. */
  text: string;
}

export async function readSource(path: string, maxBytes: number): Promise<SourceText> {
  const { size } = await stat(path);
  if (size > maxBytes) {
    throw new ImprintError(
      `file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit for an article`,
      { file: path },
      'Split the article, or raise the limit with --max-article-mb.',
    );
  }
  const bytes = await readFile(path);
  if (bytes.toString('utf8').trim() === '') {
    throw new ImprintError(
      'file is empty',
      { file: path, line: 1 },
      'Write the front matter (title, date, publication) and the article, or remove the file.',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = firstInvalidByte(bytes);
    throw new ImprintError(
      'file is not UTF-8 text',
      { file: path, line, column },
      'Save it as UTF-8 (most editors: "Save with encoding"; or iconv -f windows-1252 -t utf-8).',
    );
  }
  text = text.replace(/^\uFEFF/, '');
  const control = xmlIllegal.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split('\n');
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ImprintError(
      `file contains the control character U+${code}, which no edition can carry`,
      { file: path, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
      'Delete it (converters from word processors leave these behind); use a plain space or line break instead.',
    );
  }
  return { bytes, text };
}

/** Characters XML 1.0 forbids (so EPUB cannot hold them): C0 controls other than tab and line breaks, U+FFFE/U+FFFF. */
export const xmlIllegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

/** Line and column of the first invalid byte. A newline byte never occurs inside a UTF-8 sequence. */
function firstInvalidByte(bytes: Buffer): { line: number; column: number } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    const lineBytes = bytes.subarray(start, end);
    try {
      strict.decode(lineBytes);
    } catch {
      return { line, column: lineBytes.toString('utf8').indexOf('\uFFFD') + 1 };
    }
    start = end + 1;
  }
  return { line: 1, column: 1 };
}
