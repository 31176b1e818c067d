// imprint.yaml: a publication's defaults for every article, its theme, its labels, its calendar and digits, and
// the build settings it would otherwise repeat as flags. Found in the working folder, or named with --config.
// Paths in it are relative to the file, so a project builds the same from any folder.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import * as v from 'valibot';
import { type ArticleDefaults, articleDefaultsSchema, knownFields } from '../article/front-matter.js';
import type { FieldRules } from '../article/site-generator.js';
import { parseYamlData } from '../data/yaml-data.js';
import { ImprintError } from '../errors.js';
import { type Calendar, calendarSchema, type Numerals, numeralsSchema } from '../labels/dates.js';
import { type LabelOverrides, labelOverridesSchema } from '../labels/labels.js';
import { buildOptionsSchema } from './options.js';

export const configFileName = 'imprint.yaml';

// A build option's own rules, without its default: the config says only what it sets.
const { entries: option } = buildOptionsSchema;

const buildSettingsSchema = v.strictObject({
  paths: v.optional(
    v.array(
      v.pipe(v.string('paths must be a list of files or folders'), v.nonEmpty('paths must not be empty')),
      'paths must be a list of files or folders',
    ),
  ),
  out: v.optional(option.outDir.wrapped),
  formats: v.optional(option.formats.wrapped),
  page: v.optional(option.page.wrapped),
  jobs: v.optional(option.jobs.wrapped),
  /** Seconds, as on the command line. */
  timeout: v.optional(
    v.pipe(v.number('timeout takes a number of seconds'), v.minValue(1, 'timeout must be at least 1 second')),
  ),
  strict: v.optional(option.strict.wrapped),
  html: v.optional(option.html.wrapped),
  'max-article-mb': v.optional(option.maxArticleMb.wrapped),
  'max-image-mb': v.optional(option.maxImageMb.wrapped),
  'max-image-megapixels': v.optional(option.maxImageMegapixels.wrapped),
});

export const configSchema = v.strictObject({
  defaults: v.optional(articleDefaultsSchema),
  theme: v.optional(
    v.pipe(v.string('theme must be the path of a folder'), v.nonEmpty('theme must be the path of a folder')),
  ),
  build: v.optional(buildSettingsSchema),
  /** How photos are published: `keep_location: true` keeps the photographer's GPS position in the copies (off: a source's safety). */
  images: v.optional(
    v.strictObject({
      keep_location: v.optional(v.boolean('images.keep_location is true or false')),
      /** Remote photos: the hosts they may be downloaded from, once, into .imprint-cache/images beside this file. */
      fetch: v.optional(
        v.array(
          v.pipe(
            v.string('images.fetch lists host names, such as images.example.org or *.cdn.example.net'),
            v.nonEmpty('images.fetch lists host names'),
          ),
          'images.fetch lists host names',
        ),
      ),
    }),
  ),
  labels: v.optional(labelOverridesSchema),
  /** The calendar of every displayed date (`persian`, `buddhist`…); unset, Gregorian in every language. */
  calendar: v.optional(calendarSchema),
  /** The digits of dates and page numbers (`latn`, `arab`, `arabext`, `deva`…); unset, each language's usual ones. */
  numerals: v.optional(numeralsSchema),
  /** The address of the site the articles come from: links written as its paths (/docs/…) resolve against it. */
  site: v.optional(
    v.pipe(
      v.string('site must be the address of a website'),
      v.url('site must be a full URL, such as https://example.org'),
      v.regex(/^https?:\/\//, 'site must be an http(s) URL'),
    ),
  ),
  /** Front matter written for a site generator: more fields to leave out, and names for imprint's fields. */
  fields: v.optional(
    v.strictObject({
      ignore: v.optional(v.array(v.string('fields.ignore lists field names'))),
      map: v.optional(
        v.record(
          v.string(),
          v.picklist(knownFields, `fields.map gives each field one of imprint's: ${knownFields.join(', ')}`),
        ),
      ),
    }),
  ),
});

export type BuildSettings = v.InferOutput<typeof buildSettingsSchema>;

export interface Config {
  /** The file, as a path relative to the working folder (for messages). */
  file: string;
  defaults: ArticleDefaults;
  /** The theme folder, resolved against the config file's folder. */
  themeDir: string | undefined;
  /** Build settings; `paths` and `out` resolved against the config file's folder. */
  build: BuildSettings;
  labels: LabelOverrides;
  calendar?: Calendar;
  numerals?: Numerals;
  fields: FieldRules;
  /** imprint.yaml's `images:`. */
  images: { keepLocation: boolean };
  /** The folder the config is in: the project, where the image cache lives. */
  dir: string;
  site: string | undefined;
  /** Hosts remote photos may be downloaded from (images.fetch). */
  imageHosts: string[];
  /** Where downloaded photos are kept: .imprint-cache/images beside imprint.yaml. */
  imageCache: string;
}

/**
 * The config `--config` names (which must exist), else imprint.yaml in the working folder if there is one,
 * else none.
 */
export async function loadConfig(given: string | undefined): Promise<Config | undefined> {
  const file = given ?? configFileName;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (given === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ImprintError(
      `cannot read the config: ${(error as Error).message}`,
      { file },
      'Give --config the path of an imprint.yaml (imprint init writes one).',
    );
  }
  const parsed = parseYamlData({ text, file, what: configFileName }, configSchema);
  const dir = dirname(resolve(file));
  // Relative to the working folder when that is shorter, as the user would type them.
  const fromConfig = (path: string) => {
    const absolute = resolve(dir, path);
    const fromHere = relative(process.cwd(), absolute);
    return fromHere === '' ? '.' : fromHere.startsWith('..') || isAbsolute(fromHere) ? absolute : fromHere;
  };
  const build = parsed.build ?? {};
  return {
    file,
    defaults: parsed.defaults ?? {},
    themeDir: parsed.theme === undefined ? undefined : fromConfig(parsed.theme),
    build: {
      ...build,
      ...(build.paths && { paths: build.paths.map(fromConfig) }),
      ...(build.out !== undefined && { out: fromConfig(build.out) }),
    },
    labels: parsed.labels ?? {},
    ...(parsed.calendar && { calendar: parsed.calendar }),
    ...(parsed.numerals && { numerals: parsed.numerals }),
    fields: parsed.fields ?? {},
    images: { keepLocation: parsed.images?.keep_location ?? false },
    dir,
    site: parsed.site,
    imageHosts: parsed.images?.fetch ?? [],
    imageCache: join(dir, '.imprint-cache', 'images'),
  };
}
