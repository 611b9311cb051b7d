/**
 * The narrative step: the LLM when one is configured, the template otherwise or when the LLM fails.
 *
 * A report never fails for want of a narrative: after the SDK's retries, a malformed answer or an
 * invented figure, the template takes over and `onFallback` says why. An abort is different: it
 * means the report was cancelled or ran out of time, so it rejects with the signal's reason.
 */
import OpenAI from 'openai';
import type { AnalysisInput } from '../input.js';
import type { Narrative, RiskAnalysis } from '../result.js';
import { NarrativeError, redact } from './errors.js';
import { createLlmNarrator } from './llm.js';
import type { LlmNarrator } from './llm.js';
import { templateNarrative } from './template.js';

export { InventedFiguresError, NarrativeError, NarrativeFailure } from './errors.js';
export type { NarrativeFailureCode } from './errors.js';
export { selectFacts } from './facts.js';
export type { NarrativeFacts, SelectedFacts } from './facts.js';
export { AllowedFigures, scanNumbers } from './figures.js';
export { createLlmNarrator } from './llm.js';
export type { LlmNarrator, LlmNarratorOptions, NarrateOptions } from './llm.js';
export { templateNarrative } from './template.js';

export const DEFAULT_MODEL = 'gpt-4o-mini';

export interface WriteNarrativeOptions {
  /** Absent: the template writes the narrative (no LLM configured). */
  narrator?: LlmNarrator | undefined;
  /** Aborting rejects with `signal.reason` and cancels the LLM request; there is no fallback. */
  signal?: AbortSignal | undefined;
  /** Called with a short reason (e.g. `LLM_TIMEOUT: …`) when the template replaces a failed LLM narrative. */
  onFallback?: ((reason: string) => void) | undefined;
}

/** The narrative of `analysis` in `input.language`. */
export async function writeNarrative(
  analysis: RiskAnalysis,
  input: AnalysisInput,
  { narrator, signal, onFallback }: WriteNarrativeOptions = {},
): Promise<Narrative> {
  signal?.throwIfAborted();
  if (!narrator) return templateNarrative(analysis, input);
  try {
    return await narrator.narrate(analysis, input, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const reason =
      error instanceof NarrativeError
        ? `${error.code}: ${error.message}`
        : `UNEXPECTED: ${redact(error instanceof Error ? error.message : String(error))}`;
    try {
      onFallback?.(reason);
    } catch {
      // A failing log callback must not cost the report its narrative.
    }
    return templateNarrative(analysis, input);
  }
}

export interface OpenAiNarratorOptions {
  /** Absent or blank: no narrator, the service uses the template. */
  apiKey?: string | undefined;
  /** An OpenAI-compatible endpoint including its version path, e.g. `http://127.0.0.1:8080/v1`. Default: OpenAI. */
  baseURL?: string | undefined;
  /** Default `gpt-4o-mini`. */
  model?: string | undefined;
  /** Limit of one HTTP attempt, in ms. Default 30_000. */
  requestTimeoutMs?: number | undefined;
  /** SDK retries (429, 5xx, timeouts, connection errors). Default 2. */
  maxRetries?: number | undefined;
  /** Not sent unless set. */
  temperature?: number | undefined;
}

/** An LLM narrator over the `openai` client, or undefined without an API key. */
export function createOpenAiNarrator(options: OpenAiNarratorOptions): LlmNarrator | undefined {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) return undefined;
  const client = new OpenAI({
    apiKey,
    // The config module reads the environment; null stops the SDK from reading it a second time.
    baseURL: options.baseURL ?? null,
    organization: null,
    project: null,
    ...(options.requestTimeoutMs === undefined ? {} : { timeout: options.requestTimeoutMs }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  });
  return createLlmNarrator({
    client,
    model: options.model?.trim() || DEFAULT_MODEL,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
  });
}
