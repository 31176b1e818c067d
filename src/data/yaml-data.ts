// YAML written by people → a value checked against a valibot schema (see checked-data.ts). YAML is data
// here: the core schema, no tags, no code.
import type * as v from 'valibot';
import { type Document, isMap, isScalar, LineCounter, type Pair, parseDocument } from 'yaml';
import { type ErrorLocation, ImprintError } from '../errors.js';
import { type AnySchema, checkData, type DataSource, knownKeys } from './checked-data.js';

export function parseYamlData<S extends AnySchema>(source: DataSource, schema: S): v.InferOutput<S> {
  const { text, file, what, firstLine = 1 } = source;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): ErrorLocation => {
    if (offset === undefined) return { file, line: firstLine };
    const { line, col } = lines.linePos(offset);
    return { file, line: line + firstLine - 1, column: col };
  };

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    throw new ImprintError(
      `${what} is not valid YAML: ${firstMessageLine(syntaxError.message)}`,
      at(syntaxError.pos[0]),
      'Fix the YAML syntax (quote values that contain ": " or start with a special character).',
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ImprintError(
      `${what} must be a list of "field: value" lines`,
      at(0),
      `Known fields: ${knownKeys(schema, []).join(', ')}.`,
    );
  }
  const data = (doc.toJS() as Record<string, unknown> | null) ?? {};
  return checkData(schema, data, source, (path) => {
    const offset = keyOffset(doc, path);
    return offset === undefined ? undefined : at(offset);
  });
}

/** Where a field's key is written (the deepest of `path` that exists), as an offset into the YAML text. */
function keyOffset(doc: Document, path: readonly string[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = (node.items as Pair[]).find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair || !isScalar(pair.key)) break;
    offset = pair.key.range?.[0];
    node = pair.value;
  }
  return offset;
}

/** yaml's message without its own YAML-relative "at line N, column M" (the file's line is reported instead). */
function firstMessageLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
