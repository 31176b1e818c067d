// Data written by people (front matter in YAML or TOML, imprint.yaml, a theme's labels.yaml), parsed, then
// checked against a valibot schema here. Every problem names the file, the line and column of the field,
// and, for a misspelt field, the one it was probably meant to be.
import * as v from 'valibot';
import { type ErrorLocation, ImprintError } from '../errors.js';
import { closestWord } from './closest-word.js';

export interface DataSource {
  text: string;
  file: string;
  /** What the user calls this data, in messages: "front matter", "imprint.yaml". */
  what: string;
  /** The file line the text starts on (front matter starts on line 2). */
  firstLine?: number;
  /** Values the data's own fields override (imprint.yaml's defaults under an article's front matter). */
  base?: Record<string, unknown>;
  /** Reads the data in another vocabulary before it is checked (site generators' front matter). */
  adapt?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** Tables whose fields `adapt` reads as top-level ones (Hugo's `params`): a field is looked for there too. */
  liftedTables?: readonly string[];
}

export type AnySchema = v.GenericSchema;

/** Where a field is written, found by its path of keys (the deepest of them that is written), if it is. */
export type FieldLocator = (path: readonly string[]) => ErrorLocation | undefined;

export function checkData<S extends AnySchema>(
  schema: S,
  data: Record<string, unknown>,
  source: DataSource,
  locate: FieldLocator,
): v.InferOutput<S> {
  const { what, file, firstLine = 1, base = {}, adapt = (fields) => fields, liftedTables = [] } = source;
  // Not written (a missing field): the start of the data.
  const fieldAt = (path: readonly string[]): ErrorLocation =>
    [path, ...liftedTables.map((table) => [table, ...path])].map(locate).find(Boolean) ?? {
      file,
      line: firstLine,
      ...(path.length === 0 ? { column: 1 } : {}),
    };
  const result = v.safeParse(schema, { ...base, ...adapt(data) });
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
    throw new ImprintError(
      `unknown ${what} field "${field}"`,
      fieldAt(path),
      guess
        ? `Did you mean "${[...parent, guess].join('.')}"?`
        : `Known fields${parent.length > 0 ? ` in ${parent.join('.')}` : ''}: ${known.join(', ')}.`,
    );
  }
  if (issue.received === 'undefined' && issue.type === 'strict_object') {
    throw new ImprintError(
      `${what} is missing the required field "${field}"`,
      fieldAt(parent),
      `Add a line "${path.at(-1)}: …"${parent.length > 0 ? ` under ${parent.join('.')}` : ''}.`,
    );
  }
  throw new ImprintError(`${what} field "${field}": ${issue.message}`, fieldAt(path));
}

function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
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
  while (current.type === 'optional' || current.type === 'nullish')
    current = (current as unknown as { wrapped: AnySchema }).wrapped;
  return current;
}
