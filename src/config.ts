/**
 * The service's configuration, read once from the environment.
 *
 * Every variable is checked at start: a bad value stops the process with one message that names the
 * variable, instead of a confusing failure minutes later. Secret values (OPENAI_API_KEY, API_KEYS) are
 * never echoed back in those messages.
 */
import { defaultWorkerCount } from './workers/pool.js';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The tenant of callers when no API keys are configured, and of plain (tenant-less) keys. */
export const PUBLIC_TENANT = 'public';

export interface ApiKey {
  tenant: string;
  key: string;
}

export interface Config {
  port: number;
  host: string;
  /** CPU worker threads for the simulation. */
  workers: number;
  /** Reports that may wait in the queue before createReport answers QUEUE_FULL. */
  maxQueue: number;
  /** Deadline of a report when the caller does not choose one. */
  reportTimeoutSeconds: number;
  /** Upper bound of params.timeoutSeconds. */
  maxTimeoutSeconds: number;
  /** Narrative requests in flight at once (network waits, not threads). */
  llmConcurrency: number;
  openai: { apiKey: string | undefined; baseUrl: string | undefined; model: string | undefined };
  /** Absent: embedded mode (memory store, in-process queue). */
  redisUrl: string | undefined;
  /** Empty: the API is open and every caller is the public tenant. */
  apiKeys: ApiKey[];
  resultTtlSeconds: number;
  maxStoredReports: number;
  shutdownGraceSeconds: number;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;


const TENANT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Reads `tenant:key` pairs or plain keys, comma-separated; plain keys belong to the public tenant. */
export function parseApiKeys(raw: string | undefined): ApiKey[] {
  if (raw === undefined || raw.trim() === '') return [];
  const keys: ApiKey[] = [];
  const tenantOfKey = new Map<string, string>();
  for (const [index, entry] of raw.split(',').entries()) {
    const item = entry.trim();
    if (item === '') continue;
    const colon = item.indexOf(':');
    const tenant = colon === -1 ? PUBLIC_TENANT : item.slice(0, colon).trim();
    const key = colon === -1 ? item : item.slice(colon + 1).trim();
    // Positions, not values, in the messages: the values are secrets.
    if (!TENANT.test(tenant)) {
      throw new ConfigError('API_KEYS', `entry ${index + 1} has an invalid tenant name (letters, digits, _ . - up to 64)`);
    }
    if (key.length < 8) throw new ConfigError('API_KEYS', `entry ${index + 1} has a key shorter than 8 characters`);
    const known = tenantOfKey.get(key);
    if (known !== undefined && known !== tenant) {
      throw new ConfigError('API_KEYS', `entry ${index + 1} gives a key already used by another tenant`);
    }
    tenantOfKey.set(key, tenant);
    keys.push({ tenant, key });
  }
  return keys;
}

interface IntRule {
  min: number;
  max: number;
}

function readInt(env: Environment, name: string, fallback: number, { min, max }: IntRule): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success || !/^-?\d+$/.test(raw)) {
    throw new ConfigError(name, `must be a whole number between ${min} and ${max} (got "${raw}")`);
  }
  return parsed.data;
}

function readString(env: Environment, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function readUrl(env: Environment, name: string): string | undefined {
  const raw = readString(env, name);
  if (raw !== undefined && !URL.canParse(raw)) throw new ConfigError(name, 'must be an absolute URL');
  return raw;
}

/** Reads and checks the whole configuration; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Environment = process.env): Config {
  const logLevel = (readString(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const reportTimeoutSeconds = readInt(env, 'REPORT_TIMEOUT_SECONDS', 60, { min: 1, max: 86_400 });
  const maxTimeoutSeconds = readInt(env, 'MAX_TIMEOUT_SECONDS', 600, { min: 1, max: 86_400 });
  if (reportTimeoutSeconds > maxTimeoutSeconds) {
    throw new ConfigError('REPORT_TIMEOUT_SECONDS', `must not exceed MAX_TIMEOUT_SECONDS (${maxTimeoutSeconds})`);
  }
  return {
    port: readInt(env, 'PORT', 4000, { min: 0, max: 65_535 }),
    host: readString(env, 'HOST') ?? '127.0.0.1',
    workers: readInt(env, 'WORKERS', defaultWorkerCount(), { min: 1, max: 1_024 }),
    maxQueue: readInt(env, 'MAX_QUEUE', 1_000, { min: 1, max: 1_000_000 }),
    reportTimeoutSeconds,
    maxTimeoutSeconds,
    llmConcurrency: readInt(env, 'LLM_CONCURRENCY', 128, { min: 1, max: 10_000 }),
    openai: {
      apiKey: readString(env, 'OPENAI_API_KEY'),
      baseUrl: readUrl(env, 'OPENAI_BASE_URL'),
      model: readString(env, 'OPENAI_MODEL'),
    },
    redisUrl: readUrl(env, 'REDIS_URL'),
    apiKeys: parseApiKeys(env['API_KEYS']),
    resultTtlSeconds: readInt(env, 'RESULT_TTL_SECONDS', 86_400, { min: 1, max: 31_536_000 }),
    maxStoredReports: readInt(env, 'MAX_STORED_REPORTS', 10_000, { min: 1, max: 10_000_000 }),
    shutdownGraceSeconds: readInt(env, 'SHUTDOWN_GRACE_SECONDS', 10, { min: 0, max: 3_600 }),
    logLevel: logLevel as LogLevel,
  };
}
