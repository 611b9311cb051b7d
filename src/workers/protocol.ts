/**
 * What crosses the thread boundary between the pool and a worker: the task, progress messages and the
 * outcome. Plain structured-clone data only.
 *
 * The worker returns the analyzer's error as a value instead of throwing it, so the pool can tell an
 * analyzer failure (a value came back) from a dead thread (piscina rejected): the two get different
 * error codes and only the first one is the analyzer's fault.
 */
import type { MessagePort } from 'node:worker_threads';
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';

/** What every worker thread is started with (piscina's `workerData`). */
export interface WorkerSettings {
  /** Nice value the thread gives itself (0: unchanged). */
  niceness: number;
}

export interface AnalysisTask {
  input: AnalysisInput;
  /** Transferred to the worker; it posts {@link ProgressMessage}s here and may receive a {@link StopMessage}. */
  progressPort: MessagePort;
}

export interface ProgressMessage {
  stage: string;
  percent: number;
}

/** Sent by the pool on the task's port: stop at the next chance (the thread stays up for the next task). */
export interface StopMessage {
  stop: true;
}

export function isStopMessage(value: unknown): value is StopMessage {
  return typeof value === 'object' && value !== null && (value as Partial<StopMessage>).stop === true;
}

export interface AnalyzerFailure {
  name: string;
  message: string;
}

export type TaskOutcome = { ok: true; analysis: RiskAnalysis } | { ok: false; error: AnalyzerFailure };

export function isProgressMessage(value: unknown): value is ProgressMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { stage, percent } = value as Partial<ProgressMessage>;
  return typeof stage === 'string' && typeof percent === 'number' && Number.isFinite(percent);
}
