import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyzerError, TaskAbortedError, WorkerCrashedError } from '../../src/workers/errors.js';
import { PiscinaAnalysisPool, defaultWorkerFile } from '../../src/workers/pool.js';
import { sampleInput } from '../fixtures/workers/inputs.js';
import { SCRIPTED_WORKER } from '../reports/helpers/service.js';

describe('the piscina analysis pool', () => {
  let pool: PiscinaAnalysisPool;
  afterEach(() => pool.destroy());

  it('runs a task, forwards its progress and counts it while it runs', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    const progress: number[] = [];
    const running = pool.run(sampleInput('spin:200'), { onProgress: (_stage, percent) => progress.push(percent) });
    expect(pool.running).toBe(1);
    const analysis = await running;
    expect(analysis.currency).toBe('KRW');
    expect(progress.length).toBeGreaterThan(0);
    expect(pool.running).toBe(0);
    expect(pool.size).toBe(1);
  });

  it('terminates the thread of an aborted task and runs the next task on a fresh one', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    const controller = new AbortController();
    let reported!: () => void;
    const spinning = new Promise<void>((resolve) => (reported = resolve));
    const task = pool.run(sampleInput('spin:20000'), { signal: controller.signal, onProgress: () => reported() });
    await spinning;
    const [thread] = pool.threads;
    const exited = once(thread!, 'exit');

    controller.abort(new Error('deadline'));
    await expect(task).rejects.toBeInstanceOf(TaskAbortedError);
    expect(pool.running).toBe(0);
    await exited;
    await expect(pool.run(sampleInput('ok'))).resolves.toMatchObject({ currency: 'KRW' });
  });

  it('tells an analyzer error from a dead thread', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER, resourceLimits: { maxOldGenerationSizeMb: 48 } });
    const thrown = await pool.run(sampleInput('throw:bad input')).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AnalyzerError);
    expect((thrown as AnalyzerError).detail).toEqual({ name: 'Error', message: 'bad input' });
    await expect(pool.run(sampleInput('exit:3'))).rejects.toBeInstanceOf(WorkerCrashedError);
    const oom = await pool.run(sampleInput('oom')).catch((e: unknown) => e);
    expect(oom).toBeInstanceOf(WorkerCrashedError);
    expect(((oom as WorkerCrashedError).cause as { code?: string }).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    await expect(pool.run(sampleInput('ok'))).resolves.toMatchObject({ currency: 'KRW' });
  });

  it('resolves its own worker file next to the module, with the module’s extension', () => {
    pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    expect(defaultWorkerFile()).toMatch(/src\/workers\/analysis-worker\.ts$/);
  });

  it('rejects a bad worker count at construction, naming the option', () => {
    pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    expect(() => new PiscinaAnalysisPool({ workers: 0, workerFile: SCRIPTED_WORKER })).toThrow(/workers/);
  });
});
