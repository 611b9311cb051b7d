/**
 * The service's analysis worker plus one timestamp: the moment the analysis finished in the worker
 * thread (process.hrtime, CLOCK_MONOTONIC), written into `dataQuality.proxies` as
 * `bench:worker-done-ns=<n>`. The harness reads it from the COMPLETED event to measure
 * "worker done → frame at the client" on one clock. Everything else is src/workers/analysis-worker.ts.
 */
import { assessRisk } from '../../src/analysis/assess.js';
import type { AnalysisTask, TaskOutcome } from '../../src/workers/protocol.js';
import { runAnalysisTask } from '../../src/workers/task.js';

export const WORKER_DONE_PREFIX = 'bench:worker-done-ns=';

export default function probedAnalysisTask(task: AnalysisTask): Promise<TaskOutcome> {
  return runAnalysisTask(task, async (input, { onProgress }) => {
    const analysis = await assessRisk(input, { onProgress });
    analysis.dataQuality.proxies.push(`${WORKER_DONE_PREFIX}${process.hrtime.bigint()}`);
    return analysis;
  });
}
