/**
 * The service composed by src/compose.ts, exactly as src/main.ts does it (same config module, narrator, report service and
 * HTTP server), with one bench seam chosen by the environment:
 *   BENCH_WORKER=probe   the pool runs bench/servers/probe-worker.ts (the real analyzer + a done timestamp);
 *   BENCH_POOL=gate:<n>  a GatePool of n slots that completes held tasks when the harness says `release`;
 *   BENCH_STUB_CREATE=1  createReport's service call answers a ready-made QUEUED report without doing
 *                        anything: what the GraphQL edge alone costs (the accept-rate floor).
 * Scenarios that need neither run src/main.ts itself.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServiceFromConfig } from '../../src/compose.js';
import { buildApp } from '../../src/server.js';
import { GatePool } from './gate-pool.js';
import { registerBenchOperation } from './probe.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

const gateSize = /^gate:(\d+)$/.exec(process.env['BENCH_POOL'] ?? '')?.[1];
const gate = gateSize === undefined ? undefined : new GatePool(Number(gateSize));
if (gate) {
  registerBenchOperation('release', () => gate.release());
  registerBenchOperation('held', () => gate.held);
}
const workerFile =
  process.env['BENCH_WORKER'] === 'probe' ? fileURLToPath(new URL(`./probe-worker${extname(import.meta.url)}`, import.meta.url)) : undefined;

const { service } = createServiceFromConfig(config, logger, {
  ...(gate ? { pool: gate } : {}),
  ...(workerFile ? { workerFile } : {}),
});
if (process.env['BENCH_STUB_CREATE'] === '1') {
  const ready = await service.create('public', {
    input: { location: { latitude: 37.5665, longitude: 126.978 }, asset: { value: 1_000_000_000 }, params: { includeNarrative: false } },
  });
  // Only for this measure: the resolver still validates nothing beyond GraphQL and stores nothing.
  Object.defineProperty(service, 'create', { value: async () => ready });
}
const app = buildApp({ service, config, logger });
const { url } = await app.start();
logger.info({ url, workers: service.health().workers }, `Climate Risk Reports (bench) listening on ${url}`);

process.once('SIGTERM', () => {
  void (async () => {
    await service.close({ graceMs: 0 });
    await app.stop();
    process.exit(0);
  })();
});
