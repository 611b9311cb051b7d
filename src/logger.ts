/**
 * The process logger: JSON lines on stdout (pino), with credentials redacted wherever a log call might
 * pass them along (request headers, connection parameters, configuration).
 */
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

const REDACTED_PATHS = [
  'authorization',
  'apiKey',
  'openai.apiKey',
  'config.openai.apiKey',
  'config.apiKeys',
  'apiKeys',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'connectionParams',
];

export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({
    level,
    base: { service: 'climate-risk-reports' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}

/** A logger that writes nothing: tests and scripts that only need the interface. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
