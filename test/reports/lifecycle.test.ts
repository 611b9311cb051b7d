import { describe, expect, it } from 'vitest';
import { applyChange, createReport, isAllowed, type ReportChange } from '../../src/reports/lifecycle.js';
import { REPORT_STATUSES, isTerminal, type Report } from '../../src/reports/report.js';
import { fakeAnalysis, sampleInput } from '../fixtures/workers/inputs.js';

const input = sampleInput();
const changes: ReportChange[] = [
  { kind: 'start' },
  { kind: 'progress', progress: { stage: 'simulation', percent: 10 } },
  { kind: 'complete', result: fakeAnalysis(input) },
  { kind: 'fail', error: { code: 'ANALYZER_ERROR', message: 'failed' } },
  { kind: 'time-out' },
  { kind: 'cancel', code: 'CANCELLED' },
];

function queued(): Report {
  return createReport({ id: 'r', tenant: 't', input, createdAt: 1_000, timeoutMs: 5_000, idempotencyKey: null }).report;
}

describe('the report state machine', () => {
  it('creates a QUEUED report at version 1 with its deadline', () => {
    const { report, event } = createReport({ id: 'r', tenant: 't', input, createdAt: 1_000, timeoutMs: 5_000, idempotencyKey: 'k' });
    expect(report).toMatchObject({ status: 'QUEUED', version: 1, deadline: 6_000, idempotencyKey: 'k' });
    expect(event).toMatchObject({ type: 'QUEUED', version: 1, at: 1_000 });
  });

  it('refuses every change out of a terminal state', () => {
    for (const status of REPORT_STATUSES.filter(isTerminal)) {
      for (const change of changes) expect(isAllowed(status, change)).toBe(false);
    }
  });

  it('allows progress only while RUNNING, and start only from QUEUED', () => {
    expect(isAllowed('QUEUED', changes[1]!)).toBe(false);
    expect(isAllowed('RUNNING', changes[1]!)).toBe(true);
    expect(isAllowed('RUNNING', changes[0]!)).toBe(false);
    expect(isAllowed('QUEUED', { kind: 'complete', result: fakeAnalysis(input) })).toBe(false);
    expect(isAllowed('QUEUED', { kind: 'time-out' })).toBe(true);
    expect(isAllowed('QUEUED', { kind: 'cancel', code: 'INTERRUPTED' })).toBe(true);
  });

  it('bumps the version by one per change and stamps the times', () => {
    const started = applyChange(queued(), { kind: 'start' }, 2_000);
    if (!started.accepted) throw new Error(started.reason);
    expect(started.report).toMatchObject({ status: 'RUNNING', version: 2, startedAt: 2_000, finishedAt: null });
    expect(started.event).toMatchObject({ type: 'STARTED', version: 2, at: 2_000 });

    const progressed = applyChange(started.report, changes[1]!, 2_500);
    if (!progressed.accepted) throw new Error(progressed.reason);
    expect(progressed.report).toMatchObject({ status: 'RUNNING', version: 3, progress: { stage: 'simulation', percent: 10 } });
    expect(progressed.event.type).toBe('PROGRESS');

    const cancelled = applyChange(progressed.report, { kind: 'cancel', code: 'INTERRUPTED' }, 3_000);
    if (!cancelled.accepted) throw new Error(cancelled.reason);
    expect(cancelled.report).toMatchObject({ status: 'CANCELLED', version: 4, finishedAt: 3_000, error: { code: 'INTERRUPTED' } });

    const refused = applyChange(cancelled.report, { kind: 'time-out' }, 4_000);
    expect(refused).toEqual({ accepted: false, reason: 'time-out is not allowed from CANCELLED' });
  });

  it('never changes the report it was given', () => {
    const before = queued();
    const copy = structuredClone(before);
    applyChange(before, { kind: 'start' }, 2_000);
    expect(before).toEqual(copy);
  });
});
