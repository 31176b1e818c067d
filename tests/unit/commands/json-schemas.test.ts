// The published JSON Schemas: generated from the valibot schemas (never stale), and they accept what imprint
// accepts and refuse what it refuses: the starter's imprint.yaml passes, a misspelt key or a bad value does not.
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaFiles } from '../../../src/commands/json-schemas.js';

const committed = (name: string) => readFile(`schema/${name}`, 'utf8');

describe('schema/', () => {
  it('holds exactly what npm run schema generates from the valibot schemas', async () => {
    for (const { name, text } of jsonSchemaFiles())
      expect(await committed(name), `schema/${name} is stale: run npm run schema`).toBe(text);
  });

  it("checks imprint.yaml as imprint does: the starter's passes, a misspelt key and a wrong value fail", async () => {
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      JSON.parse(await committed('imprint.schema.json')),
    );
    const starter = parse(await readFile('templates/starter/imprint.yaml', 'utf8')) as Record<string, unknown>;
    expect(validate(starter), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...starter, thme: 'theme' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'thme' },
    });
    expect(validate({ build: { formats: ['pdf', 'mobi'] } })).toBe(false);
    expect(validate({ build: { jobs: 40 } })).toBe(false);
    expect(validate({ defaults: { lang: 'not a tag' } })).toBe(false);
    expect(
      validate({ build: { formats: ['pdf', 'epub'], jobs: 2 }, defaults: { lang: 'pt-BR', byline: ['A. Writer'] } }),
    ).toBe(true);
  });

  it('points the starter imprint.yaml at the schema the installed package carries', async () => {
    expect((await readFile('templates/starter/imprint.yaml', 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/imprint/schema/imprint.schema.json',
    );
  });
});
