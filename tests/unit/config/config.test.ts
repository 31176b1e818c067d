// imprint.yaml: its schema, located errors with suggestions, and paths resolved against the file's folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../../src/config/config.js';
import { parseYamlData } from '../../../src/data/yaml-data.js';
import { ImprintError } from '../../../src/errors.js';

const parse = (text: string) => parseYamlData({ text, file: 'imprint.yaml', what: 'imprint.yaml' }, configSchema);
function problem(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImprintError);
    return (error as ImprintError).describe();
  }
  throw new Error(`accepted: ${text}`);
}

describe('configSchema', () => {
  it('takes defaults, a theme, build settings, labels and field rules', () => {
    const text = [
      'defaults:',
      '  publication: The Harbour Times',
      '  lang: fr',
      'theme: ./theme',
      'build:',
      '  formats: [pdf, epub]',
      '  jobs: 2',
      '  timeout: 90',
      '  max-image-mb: 10',
      'labels:',
      '  en:',
      '    contents: In this issue',
      'fields:',
      '  map:',
      '    headline: title',
      '  ignore: [draft]',
      '',
    ].join('\n');
    expect(parse(text)).toEqual({
      defaults: { publication: 'The Harbour Times', lang: 'fr' },
      theme: './theme',
      build: { formats: ['pdf', 'epub'], jobs: 2, timeout: 90, 'max-image-mb': 10 },
      labels: { en: { contents: 'In this issue' } },
      fields: { map: { headline: 'title' }, ignore: ['draft'] },
    });
  });

  it('adds no build option defaults: the config says only what it sets', () => {
    expect(parse('build:\n  strict: true\n')).toEqual({ build: { strict: true } });
  });

  it('points a misspelt key, at any depth, at its line and column with a suggestion', () => {
    expect(problem('them: ./theme\n')).toBe(
      'imprint.yaml:1:1: unknown imprint.yaml field "them"\n  Did you mean "theme"?',
    );
    expect(problem('build:\n  formts: [pdf]\n')).toBe(
      'imprint.yaml:2:3: unknown imprint.yaml field "build.formts"\n  Did you mean "build.formats"?',
    );
    expect(problem('labels:\n  en:\n    contnts: x\n')).toBe(
      'imprint.yaml:3:5: unknown imprint.yaml field "labels.en.contnts"\n  Did you mean "labels.en.contents"?',
    );
  });

  it('lists what defaults may hold when a field cannot be a default', () => {
    const described = problem('defaults:\n  title: x\n');
    expect(described).toMatch(
      /^imprint\.yaml:2:3: unknown imprint\.yaml field "defaults\.title"\n {2}Known fields in defaults: subtitle, publication/,
    );
    expect(described).not.toMatch(/defaults: .*\btitle\b/);
  });

  it('checks build settings with the command line’s own rules and words', () => {
    expect(problem('build:\n  jobs: 40\n')).toBe(
      'imprint.yaml:2:3: imprint.yaml field "build.jobs": --jobs takes a number from 1 to 16',
    );
    expect(problem('build:\n  timeout: 0\n')).toBe(
      'imprint.yaml:2:3: imprint.yaml field "build.timeout": timeout must be at least 1 second',
    );
    expect(problem('build:\n  formats: [pdf, mobi]\n')).toMatch(
      /^imprint\.yaml:2:3: imprint\.yaml field "build\.formats": --formats takes a comma-separated list of: pdf, epub/,
    );
    expect(problem('fields:\n  map:\n    headline: heading\n')).toMatch(
      /^imprint\.yaml:3:5: .*fields\.map gives each field one of imprint's: title/,
    );
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imprint-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves the theme, paths and out against the config file’s folder', async () => {
    const file = join(dir, 'imprint.yaml');
    await writeFile(file, 'theme: house\nbuild:\n  paths: [content, extra/a.md]\n  out: public\n  jobs: 2\n');
    const config = await loadConfig(file);
    expect(config).toMatchObject({
      file,
      themeDir: join(dir, 'house'),
      build: { paths: [join(dir, 'content'), join(dir, 'extra/a.md')], out: join(dir, 'public'), jobs: 2 },
    });
    expect(config?.defaults).toEqual({});
    expect(config?.labels).toEqual({});
  });

  it('refuses a --config that does not exist, naming it', async () => {
    const missing = join(dir, 'nope.yaml');
    const error = await loadConfig(missing).catch((caught: unknown) => caught as ImprintError);
    expect(error).toBeInstanceOf(ImprintError);
    expect((error as ImprintError).describe()).toMatch(
      new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the config`),
    );
  });
});
