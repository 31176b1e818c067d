// TOML written by people (Hugo's other front matter, between +++ lines) → a value checked against a
// valibot schema (see checked-data.ts), as YAML is. Dates become the text they were written as.
import { parse, TomlDate, TomlError } from 'smol-toml';
import type * as v from 'valibot';
import { ImprintError } from '../errors.js';
import { type AnySchema, checkData, type DataSource } from './checked-data.js';

export function parseTomlData<S extends AnySchema>(source: DataSource, schema: S): v.InferOutput<S> {
  const { text, file, what, firstLine = 1 } = source;
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ImprintError(
      `${what} is not valid TOML: ${message}`,
      { file, line: error.line + firstLine - 1, column: error.column },
      'Fix the TOML syntax: one "field = value" a line, text in double quotes.',
    );
  }
  return checkData(schema, asWritten(data) as Record<string, unknown>, source, (path) => {
    const line = keyLine(text, path);
    return line === undefined ? undefined : { file, line: line + firstLine, column: 1 };
  });
}

/** TOML's dates as ISO 8601 text, as YAML's core schema gives them: 2024-04-17, 2011-03-14T09:30:00Z. */
function asWritten(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=Z|[+-]\d|$)/, '');
  if (Array.isArray(value)) return value.map(asWritten);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asWritten(item)]));
  return value;
}

/** The 0-based line where the key at `path` is written (under its [table] header, or dotted), if it is. */
function keyLine(text: string, path: readonly string[]): number | undefined {
  if (path.length === 0) return undefined;
  const unquote = (key: string) => key.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
  const lines = text.split('\n');
  let table: string[] = [];
  for (const [index, line] of lines.entries()) {
    const header = /^\s*\[\[?([^\]]+)\]\]?/.exec(line);
    if (header) {
      table = header[1]!.split('.').map(unquote);
      continue;
    }
    const key = /^\s*((?:[\w-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[\w-]+|"[^"]*"|'[^']*'))*)\s*=/.exec(line);
    if (key && [...table, ...key[1]!.split('.').map(unquote)].join('\0') === path.join('\0')) return index;
  }
  return undefined;
}
