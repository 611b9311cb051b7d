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

export interface AnalysisTask {
  input: AnalysisInput;
  /** Transferred to the worker; it posts {@link ProgressMessage}s here. */
  progressPort: MessagePort;
}

export interface ProgressMessage {
  stage: string;
  percent: number;
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
