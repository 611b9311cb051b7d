/** Building services for tests, and waiting on their events instead of sleeping. */
import type { Narrative } from '../../../src/analysis/result.js';
import { fileURLToPath } from 'node:url';
import { createSilentLogger } from '../../../src/logger.js';
import { createReportService, type ReportService } from '../../../src/reports/index.js';
import type { ReportServiceOptions } from '../../../src/reports/options.js';
import type { ReportEvent } from '../../../src/reports/report.js';
import { ManualPool } from './manual-pool.js';

export const silentLogger = createSilentLogger();

export const SCRIPTED_WORKER = fileURLToPath(new URL('../../fixtures/workers/scripted.ts', import.meta.url));

export type TestServiceOptions = Partial<ReportServiceOptions>;

/** A service over a {@link ManualPool}; closed by the caller (use `await using` or afterEach). */
export function manualService(options: TestServiceOptions & { ignoreAbort?: boolean } = {}): {
  service: ReportService;
  pool: ManualPool;
} {
  const pool = new ManualPool(options.workers ?? 1, { ignoreAbort: options.ignoreAbort ?? false });
  const service = createReportService({ logger: silentLogger, pool, ...options });
  return { service, pool };
}

/** A service over real piscina threads running the scripted fixture worker. */
export function threadedService(options: TestServiceOptions = {}): ReportService {
  return createReportService({
    logger: silentLogger,
    workers: 1,
    workerFile: SCRIPTED_WORKER,
    workerMaxHeapMb: 64,
    ...options,
  });
}

/** Reads events until (and including) the first one that matches. */
export async function readUntil(
  events: AsyncIterator<ReportEvent>,
  done: (event: ReportEvent) => boolean,
): Promise<ReportEvent[]> {
  const seen: ReportEvent[] = [];
  for (;;) {
    const next = await events.next();
    if (next.done) return seen;
    seen.push(next.value);
    if (done(next.value)) return seen;
  }
}

/** Reads the whole stream (it must end by itself). */
export async function readAll(events: AsyncIterable<ReportEvent>): Promise<ReportEvent[]> {
  const seen: ReportEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

export function fakeNarrative(text = 'A narrative.'): Narrative {
  return { text, summary: text, keyRisks: [], actions: [], source: 'LLM', language: 'EN', model: 'fake' };
}
