/**
 * The piscina task (default export): runs the CPU part of an analysis in a worker thread. A stop request
 * from the pool ends the simulation at its next chunk (a millisecond or two) and keeps the thread warm;
 * the pool terminates the thread only if that does not happen in time.
 */
import { workerData } from 'node:worker_threads';
import { assessRisk } from '../analysis/assess.js';
import type { AnalysisTask, TaskOutcome, WorkerSettings } from './protocol.js';
import { runAnalysisTask } from './task.js';
import { lowerThreadPriority } from './thread-priority.js';

// Once per thread, when piscina loads this module: simulations yield the CPU to the event loop.
lowerThreadPriority((workerData as WorkerSettings | undefined)?.niceness ?? 0);

export default function analysisTask(task: AnalysisTask): Promise<TaskOutcome> {
  return runAnalysisTask(task, (input, { onProgress, signal }) => assessRisk(input, { onProgress, signal }));
}
