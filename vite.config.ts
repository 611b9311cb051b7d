/**
 * The dashboard's build: `npm run build` (Vite) bundles src/dashboard/ (index.html and its modules,
 * the generated GraphQL documents, graphql-ws's client and the world outline) into dist/dashboard/,
 * which the server serves at `/`. Everything ships in the bundle: the page loads nothing from elsewhere.
 * The browser tests build with this same file into a folder of their own.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const DASHBOARD_ROOT = fileURLToPath(new URL('./src/dashboard/', import.meta.url));
export const DASHBOARD_OUT_DIR = fileURLToPath(new URL('./dist/dashboard/', import.meta.url));

export default defineConfig({
  root: DASHBOARD_ROOT,
  base: '/',
  publicDir: false,
  clearScreen: false,
  build: {
    outDir: DASHBOARD_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    // The outline is ~55 kB of text; one bundle of a few hundred kB loads once and is cached for good.
    chunkSizeWarningLimit: 1_000,
    reportCompressedSize: false,
  },
});
