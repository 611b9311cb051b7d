/**
 * The body of every worker task: call an analyze function, forward its progress to the task's port,
 * and turn its outcome into a {@link TaskOutcome}. The real worker plugs in `assessRisk`; test fixtures
 * plug in scripted functions and so exercise the same protocol.
 */
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';
import type { AnalysisTask, ProgressMessage, TaskOutcome } from './protocol.js';

export type AnalyzeFunction = (
  input: AnalysisInput,
  options: { onProgress: (stage: string, percent: number) => void },
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
  try {
    return { ok: true, analysis: await analyze(input, { onProgress }) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: failure.name, message: failure.message } };
  } finally {
    progressPort.close();
  }
}
