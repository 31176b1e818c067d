// YAML written by people (front matter, imprint.yaml, a theme's labels.yaml) → a value checked against a
// valibot schema. Every problem names the file, the line and column of the field, and, for a misspelt
// field, the one it was probably meant to be. YAML is data here: the core schema, no tags, no code.
import * as v from 'valibot';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Pair } from 'yaml';
import { closestWord } from './article/closest-word.js';
import { ImprintError, type ErrorLocation } from './errors.js';

export interface YamlSource {
  text: string;
  file: string;
  /** What the user calls this YAML, in messages: "front matter", "imprint.yaml". */
  what: string;
  /** The file line the YAML text starts on (front matter starts on line 2). */
  firstLine?: number;
  /** Values the YAML's own fields override (imprint.yaml's defaults under an article's front matter). */
  base?: Record<string, unknown>;
  /** Reads the data in another vocabulary before it is checked (site generators' front matter). */
  adapt?: (data: Record<string, unknown>) => Record<string, unknown>;
}

type AnySchema = v.GenericSchema;

export function parseYamlData<S extends AnySchema>(source: YamlSource, schema: S): v.InferOutput<S> {
  const { text, file, what, firstLine = 1, base = {}, adapt = (data) => data } = source;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): ErrorLocation => {
    if (offset === undefined) return { file, line: firstLine };
    const { line, col } = lines.linePos(offset);
    return { file, line: line + firstLine - 1, column: col };
  };

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    throw new ImprintError(`${what} is not valid YAML: ${firstMessageLine(syntaxError.message)}`, at(syntaxError.pos[0]), 'Fix the YAML syntax (quote values that contain ": " or start with a special character).');
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ImprintError(`${what} must be a list of "field: value" lines`, at(0), `Known fields: ${knownKeys(schema, []).join(', ')}.`);
  }

  const result = v.safeParse(schema, { ...base, ...adapt((doc.toJS() as Record<string, unknown> | null) ?? {}) });
  if (result.success) return result.output;
  // Unknown fields first: a misspelt field explains the "missing" one it was meant to be.
  const issue = result.issues.find(isUnknownKey) ?? result.issues[0];
  // Fields by name; a list item's problem is reported at its list's field.
  const path = (issue.path ?? []).filter((item) => item.type !== 'array').map((item) => String(item.key));
  const field = path.join('.');
  const parent = path.slice(0, -1);
  if (isUnknownKey(issue)) {
    const known = knownKeys(schema, parent);
    const guess = closestWord(path.at(-1)!, known);
    throw new ImprintError(`unknown ${what} field "${field}"`, at(keyOffset(doc, path)), guess ? `Did you mean "${[...parent, guess].join('.')}"?` : `Known fields${parent.length > 0 ? ` in ${parent.join('.')}` : ''}: ${known.join(', ')}.`);
  }
  if (issue.received === 'undefined' && issue.type === 'strict_object') {
    throw new ImprintError(`${what} is missing the required field "${field}"`, at(keyOffset(doc, parent) ?? 0), `Add a line "${path.at(-1)}: …"${parent.length > 0 ? ` under ${parent.join('.')}` : ''}.`);
  }
  throw new ImprintError(`${what} field "${field}": ${issue.message}`, at(keyOffset(doc, path)));
}

function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
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

/** The fields an object schema allows at `path` (through optional, pipe and record wrappers). */
export function knownKeys(schema: AnySchema, path: readonly string[]): string[] {
  let current: AnySchema | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    if ('entries' in current) current = (current.entries as Record<string, AnySchema>)[key];
    else if (current.type === 'record') current = (current as unknown as { value: AnySchema }).value;
    else return [];
    current = current && unwrap(current);
  }
  return current && 'entries' in current ? Object.keys(current.entries as object) : [];
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (current.type === 'optional' || current.type === 'nullish') current = (current as unknown as { wrapped: AnySchema }).wrapped;
  return current;
}

/** yaml's message without its own YAML-relative "at line N, column M" (the file's line is reported instead). */
function firstMessageLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
