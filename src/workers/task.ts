/**
 * The body of every worker task: call an analyze function, forward its progress to the task's port,
 * turn a stop request from the pool into an AbortSignal, and turn the outcome into a {@link TaskOutcome}.
 * The real worker plugs in `assessRisk` (it stops between chunks); test fixtures plug in scripted
 * functions and so exercise the same protocol (one that never yields is terminated by the pool instead).
 */
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';
import { isStopMessage, type AnalysisTask, type ProgressMessage, type TaskOutcome } from './protocol.js';

export type AnalyzeFunction = (
  input: AnalysisInput,
  options: { onProgress: (stage: string, percent: number) => void; signal: AbortSignal },
) => Promise<RiskAnalysis>;

export async function runAnalysisTask(task: AnalysisTask, analyze: AnalyzeFunction): Promise<TaskOutcome> {
  const { input, progressPort } = task;
  // The analyzer may report progress on every chunk; posting each call would flood the port, so only a
  // new stage or a new whole percent crosses the thread boundary (the main thread throttles by time).
  let lastStage: string | null = null;
  let lastPercent = -1;
  const onProgress = (stage: string, percent: number): void => {
    const whole = Math.max(0, Math.min(100, Math.floor(percent)));
    if (stage === lastStage && whole === lastPercent) return;
    lastStage = stage;
    lastPercent = whole;
    const message: ProgressMessage = { stage, percent: whole };
    progressPort.postMessage(message);
  };
  const stop = new AbortController();
  progressPort.on('message', (message: unknown) => {
    if (isStopMessage(message)) stop.abort(new Error('stopped by the pool'));
  });
  try {
    return { ok: true, analysis: await analyze(input, { onProgress, signal: stop.signal }) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: failure.name, message: failure.message } };
  } finally {
    progressPort.close();
  }
}
