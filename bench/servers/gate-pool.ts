/**
 * A pool for the burst measure: it accepts any number of tasks at once and holds them until the harness
 * says `release`; then every held task completes in the same tick, with a real analysis (computed once
 * by the real analyzer, copied per report) stamped with the release time. What follows is the service's
 * own path: runner → store.transition → event bus → subscriptions → graphql-ws frames.
 */
import { assessRiskSync } from '../../src/analysis/assess.js';
import type { AnalysisInput } from '../../src/analysis/input.js';
import type { RiskAnalysis } from '../../src/analysis/result.js';
import { TaskAbortedError } from '../../src/workers/errors.js';
import type { AnalysisPool, RunAnalysisOptions } from '../../src/workers/pool.js';
import { WORKER_DONE_PREFIX } from './probe-worker.js';

interface Held {
  analysis: RiskAnalysis;
  resolve: (analysis: RiskAnalysis) => void;
}

export class GatePool implements AnalysisPool {
  readonly #held = new Set<Held>();
  #template: RiskAnalysis | null = null;

  constructor(readonly size: number) {}

  get running(): number {
    return this.#held.size;
  }

  get held(): number {
    return this.#held.size;
  }

  run(input: AnalysisInput, options: RunAnalysisOptions = {}): Promise<RiskAnalysis> {
    this.#template ??= assessRiskSync(input);
    // Copied now, so the release costs only what a real completion costs the main thread.
    const analysis = structuredClone(this.#template);
    return new Promise<RiskAnalysis>((resolve, reject) => {
      const held: Held = { analysis, resolve };
      this.#held.add(held);
      options.signal?.addEventListener(
        'abort',
        () => {
          if (this.#held.delete(held)) reject(new TaskAbortedError({ cause: options.signal?.reason }));
        },
        { once: true },
      );
    });
  }

  /** Completes every held task now; returns how many and the release time (hrtime, ns). */
  release(): { released: number; releaseNs: string } {
    const releaseNs = process.hrtime.bigint();
    const held = [...this.#held];
    this.#held.clear();
    for (const task of held) {
      task.analysis.dataQuality.proxies.push(`${WORKER_DONE_PREFIX}${releaseNs}`);
      task.resolve(task.analysis);
    }
    return { released: held.length, releaseNs: String(releaseNs) };
  }

  async destroy(): Promise<void> {
    this.#held.clear();
  }
}
