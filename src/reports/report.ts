/**
 * A report and its lifecycle: the states, the allowed moves between them, and the events that tell
 * subscribers about each move. Plain data (epoch-millisecond times) so a report can be stored in memory
 * or serialised to Redis unchanged.
 */
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';

export const REPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type TerminalStatus = Extract<ReportStatus, 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'CANCELLED'>;

/** The lifecycle of DESIGN.md: a terminal state is final. */
export const ALLOWED_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  QUEUED: ['RUNNING', 'TIMED_OUT', 'CANCELLED'],
  RUNNING: ['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED'],
  COMPLETED: [],
  FAILED: [],
  TIMED_OUT: [],
  CANCELLED: [],
};

export function isTerminal(status: ReportStatus): status is TerminalStatus {
  return ALLOWED_TRANSITIONS[status].length === 0;
}

export const REPORT_EVENT_TYPES = [
  'SNAPSHOT',
  'QUEUED',
  'STARTED',
  'PROGRESS',
  'COMPLETED',
  'FAILED',
  'TIMED_OUT',
  'CANCELLED',
  'EXPIRED',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

/** Why a report did not complete. */
export const REPORT_ERROR_CODES = [
  'ANALYZER_ERROR',
  'WORKER_CRASHED',
  'LLM_UNAVAILABLE',
  'TIMED_OUT',
  'CANCELLED',
  'INTERRUPTED',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

export interface ReportError {
  code: ReportErrorCode;
  message: string;
}

export interface Progress {
  /** Stage of the analysis, e.g. `simulation` or `narrative`. */
  stage: string;
  /** 0..100 */
  percent: number;
}

export interface Report {
  /** Random and unguessable. */
  id: string;
  tenant: string;
  input: AnalysisInput;
  status: ReportStatus;
  /** Grows by one with every change; events carry it so clients can drop stale ones. */
  version: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** createdAt + timeout: the latest time the client hears back. */
  deadline: number;
  progress: Progress | null;
  result: RiskAnalysis | null;
  error: ReportError | null;
  idempotencyKey: string | null;
}

export interface ReportEvent {
  type: ReportEventType;
  /** The report's version after the change (for SNAPSHOT: its current version). */
  version: number;
  at: number;
  report: Report;
}
