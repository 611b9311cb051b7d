/**
 * Report services for edge tests: over a hand-driven pool (deterministic, no threads) or over real
 * threads running the scripted fixture worker.
 */
import { fileURLToPath } from 'node:url';
import { createReportService } from '../../src/reports/index.js';
import type { ReportService, ReportServiceOptions } from '../../src/reports/index.js';
import { createSilentLogger } from '../../src/logger.js';
import { ManualPool } from '../reports/helpers/manual-pool.js';

export const SCRIPTED_WORKER = fileURLToPath(new URL('../fixtures/workers/scripted.ts', import.meta.url));

export const silentLogger = createSilentLogger();

export function manualService(options: Partial<ReportServiceOptions> = {}): { service: ReportService; pool: ManualPool } {
  const pool = new ManualPool(options.workers ?? 1);
  const service = createReportService({ logger: silentLogger, pool, ...options });
  return { service, pool };
}

export function threadedService(options: Partial<ReportServiceOptions> = {}): ReportService {
  return createReportService({
    logger: silentLogger,
    workers: 1,
    workerFile: SCRIPTED_WORKER,
    workerMaxHeapMb: 64,
    ...options,
  });
}
