/**
 * The piscina task (default export): runs the CPU part of an analysis in a worker thread.
 * No AbortSignal here: piscina cancels an aborted task by terminating this thread.
 */
import { assessRisk } from '../analysis/assess.js';
import type { AnalysisTask, TaskOutcome } from './protocol.js';
import { runAnalysisTask } from './task.js';

export default function analysisTask(task: AnalysisTask): Promise<TaskOutcome> {
  return runAnalysisTask(task, (input, { onProgress }) => assessRisk(input, { onProgress }));
}
