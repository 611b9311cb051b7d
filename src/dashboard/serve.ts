/**
 * Server side of the dashboard (runs in Node, not in the browser): the built files of `npm run build`
 * (Vite's output, dist/dashboard/) and the places of the regional table for the place picker.
 *
 * Only files inside the build folder are served: the path is decoded, must not climb out with `..`,
 * and is resolved and checked against the folder before anything is opened.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPlaces } from '../analysis/regions/lookup.js';

/**
 * Where `npm run build` writes the dashboard (see vite.config.ts): dist/dashboard/, seen from this module
 * in src/dashboard/ (`npm run dev`, tests) or in dist/server/dashboard/ (`npm start`).
 */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(
  new URL(extname(import.meta.url) === '.ts' ? '../../dist/dashboard/' : '../../dashboard/', import.meta.url),
);

export const PLACES_PATH = '/places.json';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}code{background:#f1f3f5;padding:.1em .3em;border-radius:4px}</style>
</head><body><h1>The dashboard is not built yet</h1>
<p>Run <code>npm run build</code> in the project folder, then reload this page. (<code>npm start</code> builds it before it starts the server.)</p>
<p>The API works without it: GraphiQL is at <a href="/graphql">/graphql</a>.</p></body></html>
`;

/** The file a URL path names inside `root`, or null when the path is not a plain relative file path. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

export interface DashboardFiles {
  /** Serves `pathname` if it names a built file (or `/`); resolves false when it does not. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>;
}

export function createDashboardFiles(root: string = DEFAULT_DASHBOARD_DIR): DashboardFiles {
  return {
    async serve(req, res, pathname) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const index = pathname === '/' || pathname === '/index.html';
      const file = index ? join(root, 'index.html') : resolveInside(root, pathname);
      if (file === null) return false;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        if (!index) return false;
        res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
        return true;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': String(info.size),
        // Vite puts a content hash in every asset name: those never change; index.html must be revalidated.
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return true;
      }
      await new Promise<void>((done) => {
        const stream = createReadStream(file);
        stream.once('error', () => {
          res.destroy();
          done();
        });
        stream.once('end', done);
        stream.pipe(res);
      });
      return true;
    },
  };
}

// Serialised once: the table is fixed for the life of the process.
let placesBody: string | undefined;

/** `GET /places.json`: the places of the regional climate table (id, names, country, coordinates). */
export function servePlaces(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  placesBody ??= JSON.stringify(listPlaces());
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    'content-length': String(Buffer.byteLength(placesBody)),
  });
  res.end(req.method === 'HEAD' ? undefined : placesBody);
}
