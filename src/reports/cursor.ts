/**
 * Opaque list cursors. A cursor names a position in the newest-first order (createdAt, then id), not a
 * row, so it stays valid when the report it came from has expired.
 */
import type { Report } from './report.js';

export interface CursorPosition {
  createdAt: number;
  id: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('after is not a cursor from this service');
  }
}

export function encodeCursor(report: Report): string {
  return Buffer.from(JSON.stringify([report.createdAt, report.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && typeof decoded[0] === 'number' && typeof decoded[1] === 'string') {
      return { createdAt: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through: any malformed cursor is the same client error
  }
  throw new InvalidCursorError();
}

/** Newest first; ties on createdAt broken by id so the order is total and cursors are exact. */
export function newestFirst(a: CursorPosition, b: CursorPosition): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
