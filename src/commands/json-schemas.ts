// The JSON Schemas imprint publishes in schema/: imprint.yaml's (editors complete and check the file with it)
// and the documents --json prints. Generated from the valibot schemas that check them, never written by hand;
// `npm run schema` writes them and a unit test fails when the committed files are stale.
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { configSchema } from '../config/config.js';
import { buildReportSchema, checkReportSchema, verifyReportSchema } from './json-report.js';

const sources: Record<string, { title: string; schema: GenericSchema }> = {
  'imprint.schema.json': { title: "imprint.yaml: a project's house style and build settings", schema: configSchema },
  'build-report.schema.json': { title: 'imprint build --json', schema: buildReportSchema },
  'check-report.schema.json': { title: 'imprint check --json', schema: checkReportSchema },
  'verify-report.schema.json': { title: 'imprint verify --json', schema: verifyReportSchema },
};

/** Each schema file's name and its text. Checks, trims and transforms have no JSON Schema form and are left out. */
export function jsonSchemaFiles(): { name: string; text: string }[] {
  return Object.entries(sources).map(([name, { title, schema }]) => {
    const json = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title,
      ...toJsonSchema(schema, { errorMode: 'ignore' }),
    };
    return { name, text: `${JSON.stringify(json, null, 2)}\n` };
  });
}
