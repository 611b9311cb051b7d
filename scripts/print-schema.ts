/**
 * Writes schema/schema.graphql: the schema built by Pothos, sorted so the file only changes when the
 * API does. `npm run schema`; test/graphql/schema.test.ts fails when the file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/graphql/schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

// Run as a script (not when a test imports printedSchema).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
