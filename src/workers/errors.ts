/** Why `AnalysisPool.run` rejected. Each maps to one report error code. */

/** The analyzer threw inside the worker; the thread is fine. `detail` is for logs, not for clients. */
export class AnalyzerError extends Error {
  override readonly name = 'AnalyzerError';
  constructor(
    readonly detail: { name: string; message: string },
  ) {
    super(`analyzer failed: ${detail.name}: ${detail.message}`);
  }
}

/** The worker thread died under the task (process.exit, out of memory, uncaught error). */
export class WorkerCrashedError extends Error {
  override readonly name = 'WorkerCrashedError';
  constructor(options: { cause: unknown }) {
    super(`worker thread crashed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** The task was aborted through its signal; its thread was terminated. */
export class TaskAbortedError extends Error {
  override readonly name = 'TaskAbortedError';
  constructor(options: { cause: unknown }) {
    super('analysis task aborted', options);
  }
}
