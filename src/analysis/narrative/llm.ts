/**
 * The narrative written by an LLM through the chat-completions API, held to the analysis' figures.
 *
 * The client is a parameter (the domain opens no connection of its own): any OpenAI-compatible
 * endpoint works through `baseURL`. One call per narrative, with structured output so the answer is
 * data rather than prose to scrape; the answer is validated, and every number it quotes must be one
 * of the facts (figures.ts). Any failure throws a NarrativeError; an abort rejects with the signal's
 * reason, so the caller can tell "the LLM failed" (use the template) from "the report was cancelled".
 */
import type OpenAI from 'openai';
import { APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { AnalysisInput, Language } from '../input.js';
import type { Narrative, RiskAnalysis } from '../result.js';
import { InventedFiguresError, NarrativeError, NarrativeFailure, redact } from './errors.js';
import { selectFacts } from './facts.js';
import type { NarrativeFacts } from './facts.js';
import { composeText } from './wording.js';

export interface LlmNarratorOptions {
  client: OpenAI;
  /** The model asked for, e.g. `gpt-4o-mini`. */
  model: string;
  /** Limit of one HTTP attempt, in ms (the SDK retries timeouts). Default 30_000 (30 seconds). */
  requestTimeoutMs?: number;
  /** Retries of the SDK on connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Sampling temperature; not sent by default, as some models accept only their default. */
  temperature?: number;
}

export interface NarrateOptions {
  /** Aborting cancels the HTTP request (and any retry) and rejects with `signal.reason`. */
  signal?: AbortSignal;
}

export interface LlmNarrator {
  /** The model asked for. */
  readonly model: string;
  /** Rejects with a NarrativeError when the LLM fails, with `signal.reason` when aborted. */
  narrate(analysis: RiskAnalysis, input: AnalysisInput, options?: NarrateOptions): Promise<Narrative>;
}

/**
 * What the model must return. Kept to plain strings and arrays: strict structured output accepts
 * few JSON-Schema keywords, so lengths are checked by OUTPUT_SCHEMA after the answer arrives.
 */
const WIRE_SCHEMA = z.object({
  summary: z.string().describe('One paragraph: the risk today and the outlook under the future scenarios.'),
  keyRisks: z.array(z.string()).describe('The most important hazards, one sentence each with their figures.'),
  recommendedActions: z.array(z.string()).describe('Concrete adaptation actions, highest priority first.'),
});
const RESPONSE_FORMAT = zodResponseFormat(WIRE_SCHEMA, 'climate_risk_narrative');

/** Leading "1.", "2)", "-" or "•" that a model may add although the prompt says not to. */
const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|[-•*])\s+/;
const item = (max: number) => z.string().transform((s) => s.replace(LIST_MARKER, '').trim()).pipe(z.string().min(1).max(max));

const OUTPUT_SCHEMA = z.object({
  summary: z.string().trim().min(1).max(4_000),
  keyRisks: z.array(item(1_000)).min(1).max(8),
  recommendedActions: z.array(item(1_000)).min(1).max(10),
});
type Output = z.output<typeof OUTPUT_SCHEMA>;

const LANGUAGE_NAMES: Record<Language, string> = {
  KO: 'Korean (한국어, formal written report style, 합니다체)',
  EN: 'English (professional report style)',
};

function systemPrompt(language: Language): string {
  return [
    'You write the narrative section of a physical climate-risk report on one building, for an asset manager or insurer.',
    `Write in ${LANGUAGE_NAMES[language]}.`,
    'Use only the facts in the JSON the user sends. Quote figures exactly as they are written there; you may round them to fewer decimals.',
    'Never calculate new figures (no differences, ratios, sums or unit conversions) and never add figures from general knowledge: describe trends in words instead.',
    'Scenario names such as SSP2-4.5 and the years in the facts may be used freely.',
    'Grades run from A (lowest risk) to E (highest risk); scores from 0 to 100, higher is riskier. "eal" is the expected annual loss and "loss100" the loss exceeded once in 100 years, each as a share of the insured value and as an amount.',
    'Return JSON: "summary" is one paragraph of three to five sentences on the risk today and the outlook; "keyRisks" gives the most important hazards (up to three), one sentence each with their figures; "recommendedActions" gives three to five concrete actions, highest priority first, based on the recommendations in the facts.',
    'Do not number the list items.',
  ].join('\n');
}

function userPrompt(facts: NarrativeFacts): string {
  return `Facts (JSON):\n${JSON.stringify(facts)}`;
}

/** Rejects with the signal's reason as soon as it aborts, even while the SDK sleeps between retries. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    // The SDK notices an abort only when its next attempt starts, which a Retry-After may delay.
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    // Handling both outcomes here also keeps a late rejection from going unhandled after an abort.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseOutput(completion: OpenAI.Chat.Completions.ChatCompletion, language: Language): Output {
  const choice = completion.choices[0];
  if (!choice) throw new NarrativeError(NarrativeFailure.Malformed, 'the answer has no choices');
  if (choice.message.refusal) throw new NarrativeError(NarrativeFailure.Refused, 'the model refused to write the narrative');
  if (choice.finish_reason === 'content_filter') throw new NarrativeError(NarrativeFailure.Refused, 'the provider filtered the answer');
  if (choice.finish_reason === 'length') throw new NarrativeError(NarrativeFailure.Malformed, 'the answer was cut off at the token limit');
  const content = choice.message.content;
  if (!content) throw new NarrativeError(NarrativeFailure.Malformed, 'the answer has no content');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new NarrativeError(NarrativeFailure.Malformed, 'the answer is not JSON');
  }
  const parsed = OUTPUT_SCHEMA.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown issue';
    throw new NarrativeError(NarrativeFailure.Malformed, `the answer does not fit the narrative schema (${where})`);
  }
  // A Korean report needs Korean text; an English one may still name a Korean building or street.
  if (language === 'KO' && !/[가-힣]/.test(parsed.data.summary)) {
    throw new NarrativeError(NarrativeFailure.Malformed, 'the answer is not in Korean');
  }
  return parsed.data;
}

/** Maps SDK and parse failures to NarrativeErrors whose messages hold no credential. */
function toNarrativeError(error: unknown, secrets: readonly (string | null)[], timeoutMs: number): NarrativeError {
  if (error instanceof NarrativeError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new NarrativeError(NarrativeFailure.Timeout, `no answer within ${timeoutMs} ms per attempt`);
  }
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const what = status === undefined ? 'connection failed' : `provider answered ${status}`;
    return new NarrativeError(NarrativeFailure.Unavailable, redact(`${what}: ${error.message}`, secrets), status);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NarrativeError(NarrativeFailure.Unavailable, redact(`request failed: ${message}`, secrets));
}

/** A narrator asking `model` through `client`. */
export function createLlmNarrator(options: LlmNarratorOptions): LlmNarrator {
  const {
    client,
    model,
    requestTimeoutMs = 30_000, // 30 seconds per attempt
    maxRetries = 2, // the SDK's own default
    temperature,
  } = options;
  if (!model.trim()) throw new TypeError('createLlmNarrator: model must not be empty');
  if (!(Number.isFinite(requestTimeoutMs) && requestTimeoutMs > 0)) {
    throw new TypeError('createLlmNarrator: requestTimeoutMs must be a positive number of milliseconds');
  }
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new TypeError('createLlmNarrator: maxRetries must be a whole number ≥ 0');
  }

  async function narrate(analysis: RiskAnalysis, input: AnalysisInput, { signal }: NarrateOptions = {}): Promise<Narrative> {
    signal?.throwIfAborted();
    const language = input.language;
    const { facts, allowed } = selectFacts(analysis, input);
    try {
      const completion = await untilAborted(
        client.chat.completions.create(
          {
            model,
            messages: [
              { role: 'system', content: systemPrompt(language) },
              { role: 'user', content: userPrompt(facts) },
            ],
            response_format: RESPONSE_FORMAT,
            ...(temperature === undefined ? {} : { temperature }),
          },
          { signal: signal ?? null, timeout: requestTimeoutMs, maxRetries },
        ),
        signal,
      );
      const output = parseOutput(completion, language);
      const invented = allowed.findInvented([output.summary, ...output.keyRisks, ...output.recommendedActions]);
      if (invented.length > 0) throw new InventedFiguresError(invented);
      return {
        text: composeText(language, output.summary, output.keyRisks, output.recommendedActions),
        summary: output.summary,
        keyRisks: output.keyRisks,
        actions: output.recommendedActions,
        source: 'LLM',
        language,
        // The snapshot that answered (e.g. gpt-4o-mini-2024-07-18) says more than the alias asked for.
        model: completion.model || model,
      };
    } catch (error) {
      // After an abort every failure is the abort: the SDK's APIUserAbortError, or a race with it.
      if (signal?.aborted) throw signal.reason;
      throw toNarrativeError(error, [client.apiKey], requestTimeoutMs);
    }
  }

  return { model, narrate };
}
