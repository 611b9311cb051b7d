/**
 * The narrative stage as the runner sees it: analysis in, narrative out, abortable. The default writes
 * it with the narrative module (LLM when a narrator is configured, the template otherwise or on failure).
 */
import type { Logger } from 'pino';
import type { AnalysisInput } from '../analysis/input.js';
import { writeNarrative, type LlmNarrator } from '../analysis/narrative/index.js';
import type { Narrative, RiskAnalysis } from '../analysis/result.js';

export type NarrativeStep = (
  analysis: RiskAnalysis,
  input: AnalysisInput,
  options: { signal: AbortSignal },
) => Promise<Narrative>;

/** The narrative stage failed outright (not even the template): the report fails with LLM_UNAVAILABLE. */
export class NarrativeStepError extends Error {
  override readonly name = 'NarrativeStepError';
  constructor(options: { cause: unknown }) {
    super('narrative step failed', options);
  }
}

export function createNarrativeStep(narrator: LlmNarrator | undefined, logger: Logger): NarrativeStep {
  return (analysis, input, { signal }) =>
    writeNarrative(analysis, input, {
      ...(narrator ? { narrator } : {}),
      signal,
      onFallback: (reason: string) => logger.warn({ reason }, 'LLM narrative unavailable; used the template'),
    });
}
