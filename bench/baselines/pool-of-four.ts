/**
 * Baseline 2, "Pool of four": the seed's fix, translated as is.
 *   - `ThreadPoolExecutor(max_workers=4)`: each request runs the whole analysis (CPU part and LLM call)
 *     on one of four threads, which stays busy for the LLM wait too;
 *   - `asyncio.wait_for(..., timeout=60)`: the request gets `{"error": "Analysis timeout"}`, but a job that
 *     already runs goes on to its end (only a still-queued job is dropped), its result thrown away;
 *   - `with self._lock: self._report_results[report_id] = result`: a map behind a lock, never pruned;
 *   - the client holds its HTTP request open until the result.
 * Same analyzer and narrative code as the service, same mock LLM server.
 */
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mutex } from 'async-mutex';
import { serveBaseline, type BaselineReport } from './http-server.js';
import { ThreadPoolExecutor, TimeoutError, waitFor } from './thread-pool-executor.js';

const MAX_WORKERS = 4;
const TIMEOUT_MS = Number(process.env['BASELINE_TIMEOUT_MS'] ?? 60_000);

const executor = new ThreadPoolExecutor(fileURLToPath(new URL(`./pool-of-four-worker${extname(import.meta.url)}`, import.meta.url)), MAX_WORKERS);
const lock = new Mutex();
const reportResults = new Map<string, BaselineReport>();

await serveBaseline('pool-of-four baseline', {
  async createReport(input) {
    const reportId = randomUUID();
    let result: unknown;
    try {
      result = await waitFor(executor.submit(input), TIMEOUT_MS);
    } catch (error) {
      if (error instanceof TimeoutError) return { id: reportId, status: 'TIMED_OUT', error: 'Analysis timeout', result: null };
      throw error;
    }
    const report: BaselineReport = { id: reportId, status: 'COMPLETED', error: null, result };
    await lock.runExclusive(() => reportResults.set(reportId, report));
    return report;
  },
  async report(id) {
    return lock.runExclusive(() => reportResults.get(id) ?? null);
  },
});
