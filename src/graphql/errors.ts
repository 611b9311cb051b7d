/**
 * The error policy of the API, in one place.
 *
 * Every error a client can cause or meet carries a stable `extensions.code`. Errors from the report
 * service are translated here; anything else is unexpected and masked as INTERNAL (message only, no
 * stack, no cause) while the full error goes to the log.
 */
import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { InvalidInputError } from '../analysis/input.js';
import type { InputIssue } from '../analysis/input.js';
import type { Logger } from '../logger.js';
import { ServiceError } from '../reports/index.js';
import type { ServiceErrorCode } from '../reports/index.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  QUEUE_FULL: 'QUEUE_FULL',
  /** Reserved: nothing limits request rates yet. */
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_STATE: 'INVALID_STATE',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export type ClientErrorCode = Exclude<ErrorCode, 'INTERNAL'>;

/** The service's outcomes as API codes; a new service code fails to compile until it is mapped. */
const CODE_OF_SERVICE_ERROR: Readonly<Record<ServiceErrorCode, ClientErrorCode>> = {
  NOT_FOUND: ErrorCode.NOT_FOUND,
  QUEUE_FULL: ErrorCode.QUEUE_FULL,
  INVALID_STATE: ErrorCode.INVALID_STATE,
  SHUTTING_DOWN: ErrorCode.SHUTTING_DOWN,
};

/** Codes a client may see unmasked; INTERNAL is only ever produced by masking. */
const CLIENT_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL));

export const INTERNAL_MESSAGE = 'Internal error. The incident was logged.';

/** An error the client caused or may act on. */
export function clientError(code: ClientErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code } });
}

export function badUserInput(issues: readonly InputIssue[]): GraphQLError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return clientError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, {
    issues: issues.map(({ path, message }) => ({ path, message })),
  });
}

export function unauthenticated(message = 'A valid API key is required (Authorization: Bearer <key>, or x-api-key)'): GraphQLError {
  return clientError(ErrorCode.UNAUTHENTICATED, message);
}

export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError;
}

/**
 * Turns an error thrown by the report service into the client error it stands for: invalid input
 * (with its field paths) and the service's outcomes (QUEUE_FULL, INVALID_STATE, ...). Any other error
 * is returned as is, to be masked.
 */
export function toClientError(error: unknown): unknown {
  if (error instanceof InvalidInputError) return badUserInput(error.issues);
  if (error instanceof ServiceError) return clientError(CODE_OF_SERVICE_ERROR[error.code], error.message);
  return error;
}

/** Runs a service call and rethrows its failure as a client error where there is one. */
export async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toClientError(error);
  }
}

/**
 * Whether an error describes the request rather than a fault of the server: one of our client codes,
 * or a GraphQLError all the way down (graphql-js and yoga report syntax, validation and variable
 * coercion errors that way). An error raised by anything else (a bug, a failing dependency) is not.
 */
function isClientError(error: GraphQLError): boolean {
  const code = error.extensions['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return true;
  let cause: unknown = error.originalError;
  while (isGraphQLError(cause)) cause = cause.originalError;
  return cause === undefined || cause === null;
}

/** A client error without a code gets BAD_USER_INPUT: it can only be about what the client sent. */
function withCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT },
  });
}

/**
 * Yoga's `maskError`: client errors pass through; everything else becomes INTERNAL with a fixed
 * message, and the original (with its stack) is logged.
 */
export function createMaskError(logger: Logger): MaskError {
  return (error) => {
    if (isGraphQLError(error) && isClientError(error)) return withCode(error);
    const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
    const path = isGraphQLError(error) ? error.path : undefined;
    logger.error({ err: original, path }, 'unexpected error, masked as INTERNAL');
    return new GraphQLError(INTERNAL_MESSAGE, {
      nodes: isGraphQLError(error) ? error.nodes : undefined,
      path,
      extensions: { code: ErrorCode.INTERNAL },
    });
  };
}
