/**
 * `GET /reports/{id}.md` and `GET /reports/{id}.html`: a finished report as a document.
 *
 * The access rules are the API's: the same credential (Authorization: Bearer, or x-api-key) read by the
 * same function, the same authenticator, the same tenant check in `service.get`. Unknown and other
 * tenants' reports are 404 alike (as `report(id)` answers null for both); a report that has not
 * completed is 409, saying why.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialFromHeaders } from '../graphql/context.js';
import type { Authenticate } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import type { ReportService } from '../reports/index.js';
import { PRINT_HANDLER, renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { documentOf } from './report-document.js';
import { worldOutline } from './world-outline.js';

export type DocumentFormat = 'md' | 'html';

const DOCUMENT_PATH = /^\/reports\/([^/]{1,256})\.(md|html)$/;

/** The report id and format of a document path, or null for any other path. */
export function matchDocumentPath(pathname: string): { id: string; format: DocumentFormat } | null {
  const match = DOCUMENT_PATH.exec(pathname);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { id: decodeURIComponent(match[1]), format: match[2] as DocumentFormat };
  } catch {
    return null; // malformed percent-encoding: no such report
  }
}

/** The id as a file name: whatever an id may hold, a header value must stay plain. */
const fileNameOf = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_');

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

// The page needs its inline styles and the print button's handler, nothing else: no fetch, no frame.
const PRINT_HASH = createHash('sha256').update(PRINT_HANDLER).digest('base64');
const HTML_POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-hashes' 'sha256-${PRINT_HASH}'; img-src data:; frame-ancestors 'self'`;

export interface DocumentRouteOptions {
  service: ReportService;
  authenticate: Authenticate;
  logger: Logger;
}

function headerReader(req: IncomingMessage): Pick<Headers, 'get'> {
  return {
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

function sendText(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(`${message}\n`);
}

/** Answers a document request; `match` comes from {@link matchDocumentPath}. */
export async function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  { id, format }: { id: string; format: DocumentFormat },
  { service, authenticate, logger }: DocumentRouteOptions,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are allowed here', { allow: 'GET, HEAD' });
    return;
  }
  let tenant: string;
  try {
    tenant = authenticate(credentialFromHeaders(headerReader(req)));
  } catch (error) {
    const message = error instanceof Error ? error.message : 'A valid API key is required';
    sendText(res, 401, message, { 'www-authenticate': 'Bearer' });
    return;
  }
  try {
    const report = await service.get(tenant, id);
    if (!report) {
      sendText(res, 404, `No report ${id}`);
      return;
    }
    const doc = documentOf(report);
    if (!doc) {
      const why =
        report.status === 'QUEUED' || report.status === 'RUNNING'
          ? `Report ${id} is ${report.status}: its document is ready once it is COMPLETED`
          : `Report ${id} is ${report.status}${report.error ? ` (${report.error.code}: ${report.error.message})` : ''}: only a COMPLETED report has a document`;
      sendText(res, 409, why);
      return;
    }
    const body = format === 'md' ? renderMarkdown(doc) : renderHtml(doc, { worldOutline: worldOutline() });
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-length': String(Buffer.byteLength(body)),
      'content-disposition': `inline; filename="climate-risk-${fileNameOf(id)}.${format}"`,
      // Per caller (the key decides what exists), so never in a shared cache.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      ...(format === 'html' ? { 'content-security-policy': HTML_POLICY } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    logger.error({ err: error, reportId: id }, 'rendering a report document failed');
    if (!res.headersSent) sendText(res, 500, 'Internal error. The incident was logged.');
    else res.destroy();
  }
}
