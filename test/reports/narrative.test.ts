import { afterEach, describe, expect, it } from 'vitest';
import type { LlmNarrator } from '../../src/analysis/narrative/index.js';
import type { ReportService } from '../../src/reports/index.js';
import { buildAnalysis } from '../fixtures/analysis.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { flushMicrotasks, ManualClock } from './helpers/manual-clock.js';
import { fakeNarrative, manualService, readAll, readUntil } from './helpers/service.js';

/** A narrator that answers when the test says so, and records the signal it was given. */
function heldNarrator() {
  const calls: { signal: AbortSignal | undefined; answer: (text: string) => void }[] = [];
  let called = (): void => undefined;
  const narrator: LlmNarrator = {
    model: 'fake-model',
    narrate: (_analysis, _input, options) =>
      new Promise((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
        calls.push({ signal: options?.signal, answer: (text) => resolve(fakeNarrative(text)) });
        called();
      }),
  };
  const nextCall = async (index: number) => {
    while (calls.length <= index) await new Promise<void>((resolve) => (called = resolve));
    return calls[index]!;
  };
  return { narrator, calls, nextCall };
}

describe('the narrative stage', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('asks the narrator after the simulation and stores its narrative in the result', async () => {
    const { narrator, nextCall } = heldNarrator();
    const built = manualService({ narrator });
    service = built.service;
    const report = await service.create('acme', { input: rawInput('ok', { includeNarrative: true }) });
    const stream = await service.events('acme', report.id);
    (await built.pool.nextTask()).complete();

    const call = await nextCall(0);
    expect(call.signal?.aborted).toBe(false);
    call.answer('Flood risk is low.');
    const events = await readAll(stream);
    expect(events.some((event) => event.type === 'PROGRESS' && event.report.progress?.stage === 'narrative')).toBe(true);
    expect(events.at(-1)?.report.result?.narrative).toMatchObject({ text: 'Flood risk is low.', source: 'LLM' });
  });

  it('frees the CPU slot during the narrative and honours llmConcurrency', async () => {
    const { narrator, calls, nextCall } = heldNarrator();
    const built = manualService({ narrator, workers: 1, llmConcurrency: 1 });
    service = built.service;
    const input = rawInput('ok', { includeNarrative: true });
    const first = await service.create('acme', { input });
    const second = await service.create('acme', { input });
    (await built.pool.nextTask()).complete();
    await nextCall(0);
    // The first report waits on the LLM; the single worker already runs the second.
    (await built.pool.nextTask()).complete();
    await flushMicrotasks();
    expect(calls).toHaveLength(1); // the second narrative waits for its turn

    const secondEvents = await service.events('acme', second.id);
    calls[0]?.answer('first');
    (await nextCall(1)).answer('second');
    expect((await readAll(secondEvents)).at(-1)?.report.result?.narrative?.text).toBe('second');
    expect((await service.get('acme', first.id))?.result?.narrative?.text).toBe('first');
  });

  it('aborts the LLM request when the deadline passes during the narrative', async () => {
    const clock = new ManualClock();
    const { narrator, nextCall } = heldNarrator();
    const built = manualService({ narrator, clock });
    service = built.service;
    const report = await service.create('acme', { input: rawInput('ok', { includeNarrative: true }), timeoutSeconds: 5 });
    const stream = await service.events('acme', report.id);
    (await built.pool.nextTask()).complete();
    const call = await nextCall(0);

    clock.advance(5_000);
    const events = await readUntil(stream, (event) => event.type === 'TIMED_OUT');
    expect(call.signal?.aborted).toBe(true);
    call.answer('too late'); // ignored: the report is final
    await flushMicrotasks();
    expect(await service.get('acme', report.id)).toMatchObject({ status: 'TIMED_OUT', result: null, version: events.at(-1)?.version });
    expect(service.health().running).toBe(0);
  });

  it('falls back to the template when the narrator fails, and still completes', async () => {
    const narrator: LlmNarrator = { model: 'broken', narrate: () => Promise.reject(new Error('503 from provider')) };
    const built = manualService({ narrator });
    service = built.service;
    const report = await service.create('acme', { input: rawInput('ok', { includeNarrative: true }) });
    const stream = await service.events('acme', report.id);
    (await built.pool.nextTask()).complete(buildAnalysis());
    const final = (await readAll(stream)).at(-1)?.report;
    expect(final).toMatchObject({ status: 'COMPLETED', result: { narrative: { source: 'TEMPLATE' } } });
  });
});
