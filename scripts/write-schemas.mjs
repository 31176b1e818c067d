// npm run schema: writes schema/*.schema.json from the compiled valibot schemas (src/commands/json-schemas.ts).
import { writeFile } from 'node:fs/promises';
import { jsonSchemaFiles } from '../dist/src/commands/json-schemas.js';

for (const { name, text } of jsonSchemaFiles()) {
  await writeFile(new URL(`../schema/${name}`, import.meta.url), text);
  console.log(`wrote schema/${name}`);
}
