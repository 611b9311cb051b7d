import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (index.js) and ESM (index.mjs) builds without an exports map: Node gives
    // yoga, Pothos and graphql-ws the CommonJS one, Vite would give our code the ESM one, and two copies
    // fail each other's instanceof checks. One copy for everyone, as under Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
