/**
 * The land outline for the server's documents, read once from world-atlas (Natural Earth 1:110m,
 * public domain) in node_modules. The dashboard bundles the same file at build time instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { worldOutlinePath } from './world-map.js';

const LAND_FILE = 'world-atlas/land-110m.json';

let outline: string | null | undefined;

/** The outline's path, or undefined when the file cannot be read (the documents then go without a map). */
export function worldOutline(): string | undefined {
  if (outline === undefined) {
    try {
      const file = createRequire(import.meta.url).resolve(LAND_FILE);
      outline = worldOutlinePath(JSON.parse(readFileSync(file, 'utf8')) as Topology);
    } catch {
      outline = null;
    }
  }
  return outline ?? undefined;
}
