/**
 * Typed documents for the operations in schema/operations/, generated from the printed schema:
 * `npm run codegen` (after `npm run schema`). test/graphql/schema.test.ts fails when the output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const GENERATED_DIR = 'src/clients/generated/';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: {
        // Plain result types: clients and tests read fragment fields directly.
        fragmentMasking: false,
      },
      config: {
        importExtension: '.js', // NodeNext resolution needs the suffix
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
