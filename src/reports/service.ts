/**
 * The report lifecycle behind the GraphQL edge: create, read, cancel, subscribe, shut down. It owns the
 * deadlines; the store owns the state (every change goes through store.transition); the runner owns
 * the work. Whatever finishes a report first (completion, failure, deadline, cancel, shutdown) wins in
 * the store, and the bookkeeping in {@link ReportService.#apply} then stops whatever else was going on.
 */
import type { Logger } from 'pino';
import { InvalidInputError, parseAnalysisInput, type AnalysisInput, type InputIssue } from '../analysis/input.js';
import { PiscinaAnalysisPool } from '../workers/pool.js';
import type { AnalysisPool } from '../workers/pool.js';
import { systemClock, type Clock } from './clock.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { InvalidCursorError } from './cursor.js';
import { DeadlineTimers } from './deadlines.js';
import { ServiceErrors } from './errors.js';
import type { EventBus } from './event-bus.js';
import type { EventStream } from './event-stream.js';
import type { ReportChange } from './lifecycle.js';
import { MemoryEventBus } from './memory/event-bus.js';
import { MemoryReportQueue } from './memory/queue.js';
import { MemoryReportStore } from './memory/store.js';
import { createNarrativeStep } from './narrative-step.js';
import { checkOptions, type ReportServiceOptions } from './options.js';
import type { ReportQueue } from './queue.js';
import { isTerminal, type Report, type ReportEvent, type ReportStatus } from './report.js';
import { newReportId } from './report-id.js';
import { ReportRunner } from './runner.js';
import type { ReportPage, ReportStore } from './store.js';
import { openFeedStream, openReportStream } from './subscriptions.js';

export type { ReportPage } from './store.js';

export interface CreateReportRequest {
  /** Raw analysis input, validated here with parseAnalysisInput (InvalidInputError names each bad field). */
  input: unknown;
  /** Seconds from creation to the deadline: 1..maxTimeoutSeconds; default defaultTimeoutSeconds. */
  timeoutSeconds?: number | null;
  /** Same tenant + same key → the same report, and no second job. */
  idempotencyKey?: string | null;
}

export interface ListReportsOptions {
  first: number;
  after?: string | null;
  status?: readonly ReportStatus[] | null;
}

export interface ServiceHealth {
  queueDepth: number;
  running: number;
  workers: number;
  uptimeSeconds: number;
  shuttingDown: boolean;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export class ReportService {
  readonly #store: ReportStore;
  readonly #queue: ReportQueue;
  readonly #bus: EventBus;
  readonly #pool: AnalysisPool;
  readonly #runner: ReportRunner;
  readonly #deadlines: DeadlineTimers;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: ReturnType<typeof checkOptions>;
  readonly #openStreams = new Set<EventStream>();
  readonly #startedAt: number;
  #closing: Promise<void> | null = null;

  constructor(options: ReportServiceOptions) {
    this.#settings = checkOptions(options);
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
    this.#startedAt = this.#clock.now();
    this.#bus = options.backends?.bus ?? new MemoryEventBus({ logger: this.#logger });
    this.#queue = options.backends?.queue ?? new MemoryReportQueue();
    this.#store =
      options.backends?.store ??
      new MemoryReportStore({
        bus: this.#bus,
        clock: this.#clock,
        logger: this.#logger,
        resultTtlMs: this.#settings.resultTtlSeconds * 1_000,
        maxStoredReports: this.#settings.maxStoredReports,
      });
    this.#pool =
      options.pool ??
      new PiscinaAnalysisPool({
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.workerFile !== undefined ? { workerFile: options.workerFile } : {}),
        ...(options.workerNiceness !== undefined ? { niceness: options.workerNiceness } : {}),
        resourceLimits: { maxOldGenerationSizeMb: this.#settings.workerMaxHeapMb },
        logger: this.#logger,
      });
    this.#deadlines = new DeadlineTimers(this.#clock);
    this.#runner = new ReportRunner({
      queue: this.#queue,
      pool: this.#pool,
      transition: (id, change) => this.#apply(id, change),
      narrate: options.narrate ?? createNarrativeStep(options.narrator, this.#logger),
      llmLimit: new ConcurrencyLimit(this.#settings.llmConcurrency),
      clock: this.#clock,
      logger: this.#logger,
      progressIntervalMs: this.#settings.progressIntervalMs,
    });
  }

  /** Stores the report as QUEUED and returns at once; the work starts when a worker is free. */
  async create(tenant: string, request: CreateReportRequest): Promise<Report> {
    if (this.#closing) throw ServiceErrors.shuttingDown();
    const { input, timeoutSeconds, idempotencyKey } = this.#validate(request);
    const outcome = await this.#store.insert(
      { id: newReportId(), tenant, input, createdAt: this.#clock.now(), timeoutMs: timeoutSeconds * 1_000, idempotencyKey },
      { maxQueued: this.#settings.maxQueue },
    );
    if (outcome.kind === 'queue-full') throw ServiceErrors.queueFull(this.#settings.maxQueue);
    if (outcome.kind === 'existing') return outcome.report;
    const { report } = outcome;
    this.#deadlines.schedule(report.id, report.deadline, () => this.#timeOut(report.id));
    await this.#queue.enqueue({ id: report.id, tenant });
    this.#logger.info({ reportId: report.id, tenant, deadline: report.deadline }, 'report queued');
    this.#runner.pump();
    return report;
  }

  /** null when absent, expired or another tenant's. */
  async get(tenant: string, id: string): Promise<Report | null> {
    const report = await this.#store.get(id);
    return report && report.tenant === tenant ? report : null;
  }

  /** The tenant's reports, newest first, with opaque cursors. */
  async list(tenant: string, options: ListReportsOptions): Promise<ReportPage> {
    try {
      return await this.#store.list(tenant, options);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new InvalidInputError([{ path: 'after', message: error.message }]);
      throw error;
    }
  }

  /** QUEUED or RUNNING → CANCELLED (its work is stopped). NOT_FOUND, or INVALID_STATE once finished. */
  async cancel(tenant: string, id: string): Promise<Report> {
    const report = await this.get(tenant, id);
    if (!report) throw ServiceErrors.notFound(id);
    const event = await this.#apply(id, { kind: 'cancel', code: 'CANCELLED' });
    if (event) return event.report;
    // Finished before (or while) we asked.
    const now = await this.get(tenant, id);
    throw ServiceErrors.invalidState(id, now?.status ?? report.status);
  }

  /** 1 = next to start; null unless QUEUED here. */
  queuePosition(id: string): number | null {
    return this.#queue.position(id);
  }

  /**
   * SNAPSHOT first (unless the client already has that version), then every later event in version order,
   * ending after a terminal or EXPIRED event. Rejects NOT_FOUND. return() releases every listener.
   */
  async events(tenant: string, id: string, since?: number | null): Promise<AsyncIterableIterator<ReportEvent>> {
    const stream = await openReportStream({
      bus: this.#bus,
      id,
      since: since ?? null,
      loadReport: () => this.get(tenant, id),
      notFound: () => ServiceErrors.notFound(id),
      now: () => this.#clock.now(),
    });
    return this.#track(stream);
  }

  /** Every event of the tenant's reports; with `statuses`, only events leaving a report in one of them. */
  feed(tenant: string, statuses?: readonly ReportStatus[] | null): AsyncIterableIterator<ReportEvent> {
    return this.#track(openFeedStream(this.#bus, tenant, statuses ?? null));
  }

  health(): ServiceHealth {
    return {
      queueDepth: this.#queue.size,
      running: this.#runner.running,
      workers: this.#pool.size,
      uptimeSeconds: Math.floor((this.#clock.now() - this.#startedAt) / 1_000),
      shuttingDown: this.#closing !== null,
    };
  }

  /** Event-bus listeners attached now (tests check that subscribers leave none behind). */
  listenerCount(): number {
    return this.#bus.listenerCount();
  }

  /**
   * Graceful stop: create fails with SHUTTING_DOWN, queued reports are interrupted at once (they could not
   * start any more), running ones get `graceMs` to finish, then the rest are interrupted (CANCELLED with
   * INTERRUPTED), open subscriptions end and the pool is destroyed.
   */
  close(options: { graceMs?: number } = {}): Promise<void> {
    this.#closing ??= this.#shutDown(options.graceMs ?? 10_000);
    return this.#closing;
  }

  async #shutDown(graceMs: number): Promise<void> {
    this.#logger.info({ graceMs }, 'report service shutting down');
    this.#runner.stop();
    await this.#interrupt((report) => report.status === 'QUEUED');
    await this.#runner.drain(graceMs);
    await this.#interrupt(() => true);
    this.#deadlines.clearAll();
    for (const stream of this.#openStreams) stream.finish();
    await this.#pool.destroy();
    await this.#store.close();
  }

  async #interrupt(which: (report: Report) => boolean): Promise<void> {
    const live = (await this.#store.live()).filter(which);
    await Promise.all(live.map((report) => this.#apply(report.id, { kind: 'cancel', code: 'INTERRUPTED' })));
  }

  /** Every change goes to the store; a change that finished the report also stops what it left running. */
  async #apply(id: string, change: ReportChange): Promise<ReportEvent | null> {
    const event = await this.#store.transition(id, change);
    if (event && isTerminal(event.report.status)) {
      this.#deadlines.clear(id);
      this.#runner.abort(id, event.report.status);
      await this.#queue.remove(id);
      this.#logger.info({ reportId: id, status: event.report.status, code: event.report.error?.code }, 'report finished');
    }
    return event;
  }

  #timeOut(id: string): void {
    this.#apply(id, { kind: 'time-out' }).catch((error: unknown) => {
      this.#logger.error({ err: error, reportId: id }, 'timing out a report failed');
    });
  }

  #track(stream: EventStream): EventStream {
    this.#openStreams.add(stream);
    stream.onRelease(() => this.#openStreams.delete(stream));
    return stream;
  }

  #validate(request: CreateReportRequest): { input: AnalysisInput; timeoutSeconds: number; idempotencyKey: string | null } {
    const issues: InputIssue[] = [];
    let input: AnalysisInput | null = null;
    try {
      input = parseAnalysisInput(request.input);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.push(...error.issues);
    }
    const { defaultTimeoutSeconds, maxTimeoutSeconds } = this.#settings;
    const timeoutSeconds = request.timeoutSeconds ?? defaultTimeoutSeconds;
    if (typeof timeoutSeconds !== 'number' || !Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > maxTimeoutSeconds) {
      issues.push({ path: 'params.timeoutSeconds', message: `timeoutSeconds must be between 1 and ${maxTimeoutSeconds}` });
    }
    const idempotencyKey = request.idempotencyKey ?? null;
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      issues.push({ path: 'idempotencyKey', message: `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` });
    }
    if (issues.length > 0 || input === null) throw new InvalidInputError(issues);
    return { input, timeoutSeconds, idempotencyKey };
  }
}

export function createReportService(options: ReportServiceOptions): ReportService {
  return new ReportService(options);
}
