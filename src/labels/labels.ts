// The words imprint itself puts on the page ("By", "Page 1 of 2", "Contents"), in the article's language.
// Built in for the languages in built-in.ts, English for any other; a theme's labels.yaml and imprint.yaml's
// `labels:` may override any of them, per language. Dates and digits come from dates.ts, lists from Intl.
import * as v from 'valibot';
import { builtInLabels } from './built-in.js';
import { type LabelName, type LabelOverrides, type Labels, labelNames, labelPlaceholders } from './label-names.js';

export { type LabelName, type LabelOverrides, type Labels, labelNames, labelPlaceholders };

/** The built-in table's language tags, as written there (`ja`, `zh-Hant`). */
export const builtInLanguages = Object.keys(builtInLabels);
// Looked up by lower-case tag, as languageFallbacks gives them.
const builtIn = new Map<string, Labels>(
  Object.entries(builtInLabels).map(([tag, labels]) => [tag.toLowerCase(), labels]),
);

/**
 * The labels for a language tag: the most specific override first (pt-BR, then pt), then the built-in table
 * for the tag's language, then English. `overrides` are in order of precedence (imprint.yaml before the theme).
 * Chinese goes by script: zh, zh-CN, zh-SG → zh-Hans; zh-TW, zh-HK, zh-MO → zh-Hant (CLDR's likely scripts).
 */
export function labelsFor(lang: string, overrides: readonly LabelOverrides[] = []): Labels {
  const tags = languageFallbacks(lang);
  const base = tags.map((tag) => builtIn.get(tag)).find(Boolean) ?? builtInLabels.en;
  const labels = { ...base };
  for (const name of labelNames) {
    for (const override of overrides) {
      const found = tags.map((tag) => findTag(override, tag)?.[name]).find((value) => value !== undefined);
      if (found !== undefined) {
        labels[name] = found;
        break;
      }
    }
  }
  return labels;
}

/**
 * "pt-BR" → ["pt-br", "pt-latn", "pt"]; "zh-TW" → ["zh-tw", "zh-hant", "zh"]: the tag, shortened one subtag at
 * a time, with the language and its likely script (CLDR's, through Intl.Locale) before the bare language.
 */
export function languageFallbacks(lang: string): string[] {
  const parts = lang.toLowerCase().split('-');
  const tags = parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
  const script = likelyScript(lang);
  const withScript = script && `${parts[0]}-${script.toLowerCase()}`;
  if (!withScript || tags.includes(withScript)) return tags;
  return [...tags.slice(0, -1), withScript, ...tags.slice(-1)];
}

// Intl.Locale's maximize() is slow, and a download page of thousands of articles asks it for each one.
const likelyScripts = new Map<string, string | undefined>();

function likelyScript(lang: string): string | undefined {
  if (likelyScripts.has(lang)) return likelyScripts.get(lang);
  let script: string | undefined;
  try {
    script = new Intl.Locale(lang).maximize().script;
  } catch {
    script = undefined; // Not a tag Intl accepts: the plain fallbacks only.
  }
  likelyScripts.set(lang, script);
  return script;
}

function findTag(overrides: LabelOverrides, tag: string): Partial<Labels> | undefined {
  return Object.entries(overrides).find(([key]) => key.toLowerCase() === tag)?.[1];
}

/** A label with its placeholders filled in, as plain text. */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text before and after a label's one placeholder, for templates that put markup in its place. */
export function splitLabel(label: string, placeholder: string): { before: string; after: string } {
  const at = label.indexOf(placeholder);
  return { before: label.slice(0, at), after: label.slice(at + placeholder.length) };
}

/** The schema for overrides in imprint.yaml and a theme's labels.yaml: each label must keep its placeholders. */
export const labelOverridesSchema = v.record(
  v.pipe(
    v.string(),
    v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'labels are grouped by language tag, such as en or pt-BR'),
  ),
  v.strictObject(
    Object.fromEntries(
      labelNames.map((name) => [
        name,
        v.optional(
          v.pipe(
            v.string(`label "${name}" must be text`),
            v.check(
              (text) => labelPlaceholders[name].every((placeholder) => text.includes(placeholder)),
              `label "${name}" must contain ${labelPlaceholders[name].join(' and ') || 'text'}`,
            ),
          ),
        ),
      ]),
    ) as Record<
      LabelName,
      v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]>, undefined>
    >,
  ),
);
