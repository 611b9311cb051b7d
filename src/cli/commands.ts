/**
 * The three commands. `report` submits and follows; `watch` follows; both end with the summary on stdout
 * and an exit code that says how the report ended. `get` prints a report as JSON or as a document.
 */
import { writeFile } from 'node:fs/promises';
import { CreateReportDocument, ReportDocument, ReportEventsDocument } from '../clients/generated/graphql.js';
import type { CreateReportInput, ReportStatus } from '../clients/generated/graphql.js';
import type { Connection } from './args.js';
import { ServiceClient } from './client.js';
import { CliError, ExitCode } from './exit-codes.js';
import { ProgressDisplay } from './progress.js';
import type { Output } from './progress.js';
import { summaryText } from './summary.js';

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Aborted on Ctrl+C: following stops, the report carries on on the server. */
  signal?: AbortSignal;
}

/** Slack past the report's deadline before the CLI stops waiting for its final status. */
const DEADLINE_SLACK_MS = 15_000;
/** Before the first event says when the deadline is. */
const FIRST_EVENT_WAIT_MS = 30_000;

const TERMINAL: ReadonlySet<ReportStatus> = new Set(['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED']);

const EXIT_OF_STATUS: Record<ReportStatus, ExitCode> = {
  COMPLETED: ExitCode.OK,
  FAILED: ExitCode.REPORT_FAILED,
  CANCELLED: ExitCode.REPORT_FAILED,
  TIMED_OUT: ExitCode.TIMED_OUT,
  QUEUED: ExitCode.SERVER,
  RUNNING: ExitCode.SERVER,
};

/** Follows a report until its final status, showing progress; resolves with that status. */
function follow(client: ServiceClient, id: string, progress: ProgressDisplay, signal: AbortSignal | undefined): Promise<ReportStatus> {
  return new Promise((resolve, reject) => {
    let version = 0;
    let final: ReportStatus | null = null;
    let timer = setTimeout(() => finish(new CliError(ExitCode.TIMED_OUT, `No news of report ${id} from the server; stopped waiting.`)), FIRST_EVENT_WAIT_MS);
    const onAbort = (): void =>
      finish(new CliError(ExitCode.INTERRUPTED, `Stopped following report ${id}; it carries on on the server. Follow it again with: climate-risk watch ${id}`));
    signal?.addEventListener('abort', onAbort, { once: true });

    const stop = client.subscribe(ReportEventsDocument, { id }, {
      next: ({ reportEvents: event }) => {
        if (event.version <= version) return; // a repeat after a reconnection
        version = event.version;
        const { report } = event;
        if (event.type === 'EXPIRED') {
          finish(new CliError(ExitCode.SERVER, `Report ${id} expired on the server before it could be read.`));
          return;
        }
        if (event.type === 'SNAPSHOT' || event.type === 'QUEUED') {
          clearTimeout(timer);
          const wait = Date.parse(report.deadline) - Date.now() + DEADLINE_SLACK_MS;
          timer = setTimeout(
            () => finish(new CliError(ExitCode.TIMED_OUT, `Report ${id} did not finish by its deadline (${report.deadline}); stopped waiting.`)),
            Math.max(0, wait),
          );
        }
        progress.update({ status: report.status, stage: report.progress?.stage ?? null, percent: report.progress?.percent ?? null, queuePosition: report.queuePosition });
        if (TERMINAL.has(report.status)) final = report.status;
      },
      error: (error) => finish(error),
      complete: () =>
        finish(final ?? new CliError(ExitCode.SERVER, `The server ended the updates of report ${id} before it finished.`)),
    });

    function finish(outcome: ReportStatus | CliError): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      stop();
      progress.done();
      if (outcome instanceof CliError) reject(outcome);
      else resolve(outcome);
    }
  });
}

/** After the final status: the summary on stdout, why it failed on stderr, the exit code. */
async function conclude(client: ServiceClient, id: string, status: ReportStatus, io: CliIo, out?: string): Promise<ExitCode> {
  const { report } = await client.request(ReportDocument, { id });
  if (!report) throw new CliError(ExitCode.SERVER, `Report ${id} is gone from the server (expired, or the server restarted).`);
  io.stdout.write(summaryText(report, client.server));
  if (report.status !== 'COMPLETED') {
    const why = report.error ? `${report.error.code}: ${report.error.message}` : status;
    io.stderr.write(`Report ${id} ${report.status}: ${why}\n`);
    return EXIT_OF_STATUS[report.status];
  }
  if (out) {
    const format = /\.html?$/i.test(out) ? 'html' : 'md';
    await writeFile(out, await client.document(id, format));
    io.stderr.write(`Saved the report to ${out}\n`);
  }
  return ExitCode.OK;
}

export async function runReport(
  command: Connection & { input: CreateReportInput; out: string | undefined },
  io: CliIo,
): Promise<ExitCode> {
  const client = new ServiceClient(command);
  const progress = new ProgressDisplay(io.stderr, { quiet: command.quiet });
  try {
    const { createReport } = await client.request(CreateReportDocument, { input: command.input });
    progress.note(`Report ${createReport.id} queued; deadline ${new Date(createReport.deadline).toLocaleTimeString()}`);
    const status = await follow(client, createReport.id, progress, io.signal);
    return await conclude(client, createReport.id, status, io, command.out);
  } finally {
    await client.close();
  }
}

export async function runWatch(command: Connection & { id: string }, io: CliIo): Promise<ExitCode> {
  const client = new ServiceClient(command);
  const progress = new ProgressDisplay(io.stderr, { quiet: command.quiet });
  try {
    const status = await follow(client, command.id, progress, io.signal);
    return await conclude(client, command.id, status, io);
  } finally {
    await client.close();
  }
}

export async function runGet(command: Connection & { id: string; format: 'json' | 'md' | 'html' }, io: CliIo): Promise<ExitCode> {
  const client = new ServiceClient(command);
  try {
    if (command.format !== 'json') {
      io.stdout.write(await client.document(command.id, command.format));
      return ExitCode.OK;
    }
    const { report } = await client.request(ReportDocument, { id: command.id });
    if (!report) throw new CliError(ExitCode.SERVER, `No report ${command.id} on the server (unknown, expired, or another API key's).`);
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return ExitCode.OK;
  } finally {
    await client.close();
  }
}
