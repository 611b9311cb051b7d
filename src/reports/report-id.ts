/**
 * Report ids: random, unguessable UUIDs, stored as flat strings.
 *
 * crypto.randomUUID() assembles its result from about twenty concatenated pieces, and V8 keeps such a
 * string as a tree of cons strings: about 490 bytes of heap for 36 characters, held for as long as the
 * report is stored (measured by bench/servers/memory-probe.ts). Copied once through a Buffer, the id is a
 * single flat string of about 50 bytes, and Map lookups no longer walk the tree.
 */
import { randomUUID } from 'node:crypto';

export function newReportId(): string {
  return Buffer.from(randomUUID(), 'latin1').toString('latin1');
}
