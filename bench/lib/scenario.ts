/** What a scenario is and what it hands back to the harness. */
import type { MockLlmServer } from '../../test/fixtures/mock-llm-server.js';

export interface Row {
  /** What is measured, e.g. `{ health } p99 under load`. */
  figure: string;
  ours: string;
  baseline: string;
  /** Ours against the baseline (or against the reference named in `figure`), e.g. `412x`. */
  ratio: string;
  goal: string;
  /** null: information only (no goal), or a goal that a quick run cannot judge. */
  pass: boolean | null;
}

export interface ScenarioResult {
  rows: Row[];
  /** How it was measured, what limits it: goes to RESULTS.md under the scenario. */
  notes: string[];
  /** Raw figures for the results file (and for the worker-count choice). */
  figures?: Record<string, number>;
}

export interface BenchContext {
  quick: boolean;
  /** OpenAI-compatible base URL of the mock LLM server (…/v1). */
  llmBaseUrl: string;
  llm: MockLlmServer;
  /** Node flags for every server child (e.g. --cpu-prof). */
  nodeFlags: string[];
  /** The worker count the service defaults to on this machine. */
  defaultWorkers: number;
  cores: number;
  log(message: string): void;
  /** Figures of scenarios that ran before this one in the same run. */
  figures: Record<string, number>;
}

export interface Scenario {
  name: string;
  title: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}

/** `n`x with a sensible number of digits. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')}x`;
  if (value >= 10) return `${value.toFixed(1)}x`;
  return `${value.toFixed(2)}x`;
}

/** Environment every server child of ours gets unless a scenario overrides it. */
export function serviceEnv(context: BenchContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    OPENAI_API_KEY: 'bench-dummy-key',
    OPENAI_BASE_URL: context.llmBaseUrl,
    SHUTDOWN_GRACE_SECONDS: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}
