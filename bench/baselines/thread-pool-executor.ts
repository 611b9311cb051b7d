/**
 * Python's `concurrent.futures.ThreadPoolExecutor`, translated as is for the "pool of four" baseline:
 * a fixed number of threads, an unbounded FIFO of submitted jobs, one job per thread at a time.
 * `Future.cancel()` succeeds only while the job still waits in the queue; a running job cannot be
 * stopped (Python threads cannot be killed), so it runs to its end and its slot stays busy meanwhile.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface Future<T> {
  readonly result: Promise<T>;
  /** True if the job was still queued and is now dropped; false once it runs. */
  cancel(): boolean;
}

interface Job {
  id: number;
  payload: unknown;
  state: 'queued' | 'running' | 'cancelled';
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface JobReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export class ThreadPoolExecutor {
  readonly #idle: Worker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Map<Worker, Job>();
  readonly #workers: Worker[] = [];
  #nextId = 1;

  constructor(workerFile: string, maxWorkers: number) {
    // A raw Worker does not get the parent's tsx loader for a .ts entry (from source): each thread then
    // starts from a one-line script that registers tsx and imports the real entry.
    const bootstrap = workerFile.endsWith('.ts')
      ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(workerFile).href)}); })`
      : null;
    for (let i = 0; i < maxWorkers; i += 1) {
      const worker = bootstrap ? new Worker(bootstrap, { eval: true }) : new Worker(workerFile);
      worker.on('message', (reply: JobReply) => this.#finish(worker, reply));
      worker.on('error', (error) => {
        const job = this.#running.get(worker);
        this.#running.delete(worker);
        job?.reject(error);
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** Jobs waiting for a thread, and jobs running. */
  get stats(): { queued: number; running: number } {
    return { queued: this.#queue.length, running: this.#running.size };
  }

  submit<T>(payload: unknown): Future<T> {
    let job!: Job;
    const result = new Promise<T>((resolve, reject) => {
      job = { id: this.#nextId++, payload, state: 'queued', resolve: resolve as (value: unknown) => void, reject };
    });
    this.#queue.push(job);
    this.#dispatch();
    return {
      result,
      cancel: () => {
        if (job.state !== 'queued') return false;
        job.state = 'cancelled';
        this.#queue.splice(this.#queue.indexOf(job), 1);
        job.reject(new Error('cancelled'));
        return true;
      },
    };
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      job.state = 'running';
      this.#running.set(worker, job);
      worker.postMessage({ id: job.id, payload: job.payload });
    }
  }

  #finish(worker: Worker, reply: JobReply): void {
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    this.#idle.push(worker);
    if (job && job.id === reply.id) {
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.error ?? 'job failed'));
    }
    this.#dispatch();
  }
}

/** `asyncio.wait_for(fut, timeout)`: rejects after `ms` and cancels the future (a no-op once it runs). */
export function waitFor<T>(future: Future<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      future.cancel();
      reject(new TimeoutError(ms));
    }, ms);
    future.result.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
  }
}
