/**
 * The state machine of a report, as pure functions: which changes are allowed, what each does to the
 * report, and which event it yields. Every store implementation applies changes through
 * {@link applyChange}, so the rules live here once (the Redis store reuses them inside its atomic step).
 */
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';
import {
  ALLOWED_TRANSITIONS,
  type Progress,
  type Report,
  type ReportError,
  type ReportEvent,
  type ReportEventType,
  type ReportStatus,
} from './report.js';

/** A requested change of a report. The target status follows from the kind. */
export type ReportChange =
  | { kind: 'start' }
  | { kind: 'progress'; progress: Progress }
  | { kind: 'complete'; result: RiskAnalysis }
  | { kind: 'fail'; error: ReportError }
  | { kind: 'time-out' }
  /** `INTERRUPTED` when the service shuts down, `CANCELLED` when a client asked. */
  | { kind: 'cancel'; code: 'CANCELLED' | 'INTERRUPTED' };

export type ChangeOutcome =
  | { accepted: true; report: Report; event: ReportEvent }
  | { accepted: false; reason: string };

const TARGET: Record<ReportChange['kind'], { status: ReportStatus; event: ReportEventType }> = {
  start: { status: 'RUNNING', event: 'STARTED' },
  progress: { status: 'RUNNING', event: 'PROGRESS' },
  complete: { status: 'COMPLETED', event: 'COMPLETED' },
  fail: { status: 'FAILED', event: 'FAILED' },
  'time-out': { status: 'TIMED_OUT', event: 'TIMED_OUT' },
  cancel: { status: 'CANCELLED', event: 'CANCELLED' },
};

/** The progress of every completed report: one shared, frozen object rather than one per stored report. */
const DONE: Progress = Object.freeze({ stage: 'done', percent: 100 });

const CANCEL_MESSAGES = {
  CANCELLED: 'The report was cancelled',
  INTERRUPTED: 'The service shut down before the report finished',
} as const;

export interface NewReport {
  id: string;
  tenant: string;
  input: AnalysisInput;
  createdAt: number;
  timeoutMs: number;
  idempotencyKey: string | null;
}

/** A fresh QUEUED report (version 1) and its QUEUED event. */
export function createReport(fields: NewReport): { report: Report; event: ReportEvent } {
  const report: Report = {
    id: fields.id,
    tenant: fields.tenant,
    input: fields.input,
    status: 'QUEUED',
    version: 1,
    createdAt: fields.createdAt,
    startedAt: null,
    finishedAt: null,
    deadline: fields.createdAt + fields.timeoutMs,
    progress: null,
    result: null,
    error: null,
    idempotencyKey: fields.idempotencyKey,
  };
  return { report, event: { type: 'QUEUED', version: 1, at: fields.createdAt, report } };
}

/** Whether `change` may apply to a report in `status`: the lifecycle's moves, plus progress while RUNNING. */
export function isAllowed(status: ReportStatus, change: ReportChange): boolean {
  if (change.kind === 'progress') return status === 'RUNNING';
  return ALLOWED_TRANSITIONS[status].includes(TARGET[change.kind].status);
}

/** The report after `change` (version + 1) and the event announcing it, or why the change is refused. */
export function applyChange(report: Report, change: ReportChange, now: number): ChangeOutcome {
  if (!isAllowed(report.status, change)) {
    return { accepted: false, reason: `${change.kind} is not allowed from ${report.status}` };
  }
  const target = TARGET[change.kind];
  const next: Report = { ...report, status: target.status, version: report.version + 1 };
  switch (change.kind) {
    case 'start':
      next.startedAt = now;
      break;
    case 'progress':
      next.progress = change.progress;
      break;
    case 'complete':
      next.result = change.result;
      // Progress is throttled, so the last one seen may be short of the end: a finished report is at 100.
      next.progress = DONE;
      break;
    case 'fail':
      next.error = change.error;
      break;
    case 'time-out':
      next.error = { code: 'TIMED_OUT', message: 'The report did not finish before its deadline' };
      break;
    case 'cancel':
      next.error = { code: change.code, message: CANCEL_MESSAGES[change.code] };
      break;
  }
  if (target.status !== 'RUNNING') next.finishedAt = now;
  return { accepted: true, report: next, event: { type: target.event, version: next.version, at: now, report: next } };
}

/** The event telling subscribers a finished report is gone (TTL or size bound). It counts as a change. */
export function expiredEvent(report: Report, now: number): ReportEvent {
  return { type: 'EXPIRED', version: report.version + 1, at: now, report };
}

/** The current state, sent first to a new subscriber. */
export function snapshotEvent(report: Report, now: number): ReportEvent {
  return { type: 'SNAPSHOT', version: report.version, at: now, report };
}

/** Events after which a report's stream has nothing more to say. */
export function isFinalEvent(event: ReportEvent): boolean {
  return event.type === 'EXPIRED' || ALLOWED_TRANSITIONS[event.report.status].length === 0;
}
