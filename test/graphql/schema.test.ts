import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen.js';
import { printedSchema, SCHEMA_FILE } from '../../scripts/print-schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the committed schema and generated client code', () => {
  it('schema/schema.graphql is the printed schema (run `npm run schema` after changing the API)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('src/clients/generated/ is what codegen makes of it (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = await readFile(join(ROOT, output.filename), 'utf8').catch(() => '(missing)');
      expect(onDisk, `${output.filename} is stale`).toBe(output.content);
    }
  });
});
