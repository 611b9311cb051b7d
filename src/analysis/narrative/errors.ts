/**
 * Why an LLM narrative was not used. Every failure is one of these codes, so the service can log and
 * count them; messages are short, carry no request body and never the API key.
 */

export const NarrativeFailure = {
  /** Connection failed, or the provider answered an error status after the SDK's retries. */
  Unavailable: 'LLM_UNAVAILABLE',
  /** Each attempt exceeded the request timeout. */
  Timeout: 'LLM_TIMEOUT',
  /** No content, not JSON, truncated, wrong language, or not the narrative schema. */
  Malformed: 'LLM_MALFORMED',
  /** The model refused or the provider filtered the content. */
  Refused: 'LLM_REFUSED',
  /** The text quotes a number that is not among the facts. */
  InventedFigures: 'LLM_INVENTED_FIGURES',
} as const;
export type NarrativeFailureCode = (typeof NarrativeFailure)[keyof typeof NarrativeFailure];

export class NarrativeError extends Error {
  override readonly name: string = 'NarrativeError';

  constructor(
    readonly code: NarrativeFailureCode,
    message: string,
    /** The HTTP status when the provider answered with an error. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export class InventedFiguresError extends NarrativeError {
  override readonly name = 'InventedFiguresError';

  constructor(
    /** The numbers as the model wrote them. */
    readonly figures: string[],
  ) {
    const shown = figures.slice(0, 5).join(', ') + (figures.length > 5 ? ', …' : '');
    super(NarrativeFailure.InventedFigures, `the narrative quotes figures that are not in the analysis: ${shown}`);
  }
}

/** Bearer tokens and OpenAI-style keys, in case a provider echoes a credential in an error body. */
const CREDENTIAL_PATTERNS = [/\bBearer\s+\S+/gi, /\b(?:sk|rk|pk)-[A-Za-z0-9_-]{8,}/g];
const MAX_MESSAGE_LENGTH = 300;

/** Removes the key (and anything shaped like a key) from a message, and bounds its length. */
export function redact(message: string, secrets: readonly (string | null | undefined)[] = []): string {
  let clean = message;
  for (const secret of secrets) {
    // Short strings would also blank ordinary words; a real key is long.
    if (secret && secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  }
  for (const pattern of CREDENTIAL_PATTERNS) clean = clean.replace(pattern, '[redacted]');
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}
