/**
 * The reason the service exists: while every worker thread is busy with long CPU work, the event loop
 * still answers at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportDocument, HealthDocument, ReportEventsDocument } from '../../src/clients/generated/graphql.js';
import type { ReportEventsSubscription, ReportEventsSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { Recorder } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { threadedService } from '../helpers/services.js';

const WORKERS = 1; // two cores are shared by every test: one busy thread is "all workers" here
const QUERIES = 20;

describe('health while every worker is busy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(threadedService({ workers: WORKERS }));
  });
  afterAll(() => server.dispose());

  it('answers { health } in well under a second, every time', async () => {
    const started: Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>[] = [];
    const client = server.ws();
    for (let i = 0; i < WORKERS + 2; i += 1) {
      const report = dataOf(await execute(server.http, CreateReportDocument, { input: reportInput('spin:20000') })).createReport;
      started.push(new Recorder(client, ReportEventsDocument, { id: report.id }));
    }
    // Wait until the workers are really running the CPU tasks.
    await Promise.all(
      started
        .slice(0, WORKERS)
        .map((events) => events.until((r) => r.data.some((e) => e.reportEvents.type === 'PROGRESS'), 'progress')),
    );

    const timings: number[] = [];
    for (let i = 0; i < QUERIES; i += 1) {
      const begin = performance.now();
      const health = dataOf(await execute(server.http, HealthDocument, {})).health;
      timings.push(performance.now() - begin);
      expect(health).toMatchObject({ status: 'OK', running: WORKERS, workers: WORKERS, queueDepth: 2 });
    }
    timings.sort((a, b) => a - b);
    expect(timings.at(-1)).toBeLessThan(250);
    expect(timings[Math.floor(QUERIES / 2)]).toBeLessThan(50);
  });
});
