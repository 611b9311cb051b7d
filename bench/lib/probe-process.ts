/**
 * The `{ health }` probe in a process of its own: the load generator's work (sending 450 req/s and
 * parsing the answers) would otherwise delay the probe's own reads and be counted as server latency.
 * `startProbeProcess` resolves once the child is connected and warm; `run()` then starts the window.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HttpClient } from './http.js';
import { runProbe } from './load.js';
import { REPO_ROOT } from './processes.js';

interface ProbeJob {
  url: string;
  payload: string;
  everyMs: number;
  durationMs: number;
  headers: Record<string, string>;
}

type ProbeResult = { latencies: number[]; errors: number };

export interface ProbeProcess {
  /** Runs the probe window and resolves with its latencies; the child exits afterwards. */
  run(): Promise<ProbeResult>;
}

export async function startProbeProcess(job: ProbeJob): Promise<ProbeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then(() => process.off('exit', kill));
  let result: ProbeResult | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      if (message === 'ready') resolve();
      else result = message as ProbeResult;
    });
    void exited.then((code) => reject(new Error(`the probe process exited with ${code} before it was ready`)));
  });
  child.send(job);
  await ready;
  return {
    async run() {
      const timer = setTimeout(kill, job.durationMs + 60_000);
      child.send('start');
      const code = await exited;
      clearTimeout(timer);
      if (!result) throw new Error(`the probe process exited with ${code} and no result`);
      return result;
    },
  };
}

// The child: connect and warm up, say ready, run one window when told, answer, exit.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (job: ProbeJob) => {
    const client = new HttpClient(job.url, { maxSockets: 1, headers: job.headers });
    void (async () => {
      for (let i = 0; i < 20; i += 1) await client.post(job.payload);
      process.send?.('ready');
      process.once('message', () => {
        void runProbe(client, job.payload, job.everyMs, job.durationMs).then((result) => {
          client.close();
          process.send?.(result, () => process.exit(0));
        });
      });
    })();
  });
}
