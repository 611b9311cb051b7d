/**
 * Deadline precision: reports that cannot finish in time (long simulations, deadlines 1, 2, 3 … s after
 * creation, one worker) time out one after another. For each: deadline → TIMED_OUT event at the client,
 * and deadline → the next queued report starts (STARTED) and really computes (its first PROGRESS event:
 * the timed-out simulation stopped at its next chunk and its warm thread took the next report).
 */
import { watchFeed } from '../lib/feed.js';
import { HttpClient } from '../lib/http.js';
import { CREATE_REPORT, body, reportInput } from '../lib/operations.js';
import { withServer } from '../lib/processes.js';
import { serviceEnv, type Scenario } from '../lib/scenario.js';
import { formatMs, summarize } from '../lib/stats.js';
import { WsConnection } from '../lib/ws-client.js';

export const deadline: Scenario = {
  name: 'deadline',
  title: 'Deadline precision',
  async run(context) {
    const count = context.quick ? 2 : 10;
    const figures = await withServer(
      { name: 'ours-deadline', script: 'src/main.ts', env: serviceEnv(context, { WORKERS: '1' }), nodeFlags: context.nodeFlags },
      async (server) => {
        const http = new HttpClient(server.url);
        const connection = await WsConnection.open(server.wsUrl);
        try {
          const feed = watchFeed(connection);
          await connection.ping();
          await new Promise((resolve) => setTimeout(resolve, 100));
          const reports: { id: string; deadline: number }[] = [];
          for (let i = 0; i < count + 1; i += 1) {
            const { createReport } = await http.data<{ createReport: { id: string; deadline: string } }>(
              body(CREATE_REPORT, { input: reportInput({ years: 10_000_000, timeoutSeconds: i + 1, variant: i }) }),
            );
            reports.push({ id: createReport.id, deadline: Date.parse(createReport.deadline) });
          }
          const ofReport = (id: string) => feed.events.filter((e) => e.event.report.id === id);
          await feed.until(
            (events) => events.filter((e) => e.event.type === 'TIMED_OUT').length >= count,
            (count + 10) * 1_000,
            `${count} TIMED_OUT events`,
          );
          const timedOut: number[] = [];
          const started: number[] = [];
          const computing: number[] = [];
          for (let i = 0; i < count; i += 1) {
            const report = reports[i]!;
            const next = reports[i + 1]!;
            const timeout = ofReport(report.id).find((e) => e.event.type === 'TIMED_OUT');
            if (!timeout) throw new Error(`report ${i} did not time out`);
            timedOut.push(timeout.receivedWallMs - report.deadline);
            const nextEvents = ofReport(next.id);
            const start = nextEvents.find((e) => e.event.type === 'STARTED');
            const progress = nextEvents.find((e) => e.event.type === 'PROGRESS');
            if (start?.event.report.startedAt) started.push(Date.parse(start.event.report.startedAt) - report.deadline);
            if (progress) computing.push(progress.receivedWallMs - report.deadline);
          }
          return { timedOut: summarize(timedOut), started: summarize(started), computing: summarize(computing) };
        } finally {
          connection.close();
          http.close();
        }
      },
    );
    return {
      rows: [
        {
          figure: 'deadline → TIMED_OUT event at the client (max)',
          ours: formatMs(figures.timedOut.max),
          baseline: '—',
          ratio: '—',
          goal: '≤ 10 ms',
          pass: figures.timedOut.max <= 10,
        },
        {
          figure: 'deadline → next queued report STARTED (max)',
          ours: formatMs(figures.started.max),
          baseline: '—',
          ratio: '—',
          goal: '≤ 100 ms',
          pass: figures.started.max <= 100,
        },
        {
          figure: 'deadline → next report computing (its first PROGRESS at the client, max)',
          ours: formatMs(figures.computing.max),
          baseline: '—',
          ratio: '—',
          goal: '(≤ 100 ms)',
          pass: null,
        },
      ],
      figures: { deadline_timeout_max_ms: figures.timedOut.max, deadline_start_max_ms: figures.started.max, deadline_compute_max_ms: figures.computing.max },
      notes: [
        `WORKERS=1; ${count + 1} reports of 10 M simulated years (~5 s) created back to back with deadlines of 1, 2, … s: each runs about 1 s and times out, and its slot goes to the next.`,
        'Times: the report\'s `deadline` and `startedAt` (server, Date.now()) against Date.now() when the frame arrived at the client (same machine clock).',
        `deadline → TIMED_OUT received: p50 ${formatMs(figures.timedOut.p50)}, max ${formatMs(figures.timedOut.max)} (${figures.timedOut.count} samples; ms resolution).`,
        `deadline → next STARTED (its startedAt): p50 ${formatMs(figures.started.p50)}, max ${formatMs(figures.started.max)}. ` +
          `deadline → its first PROGRESS event at the client (the timed-out simulation stops at its next chunk and the same warm thread takes the next report): p50 ${formatMs(figures.computing.p50)}, max ${formatMs(figures.computing.max)}. ` +
          'Before this change the pool terminated the thread on every abort and the next report waited about 300 ms for a fresh thread to load the analyzer.',
      ],
    };
  },
};
