/**
 * Servers under test as child processes: compiled once per run (tsconfig.bench.json: the service as
 * `npm start` runs it, by plain node), spawned with the bench probe preloaded, wait for
 * its port to accept connections, talk to the probe over IPC, stop (SIGTERM, then SIGKILL). Every child
 * is registered, so an exception, Ctrl-C or a plain exit of the harness still kills them all.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProbeReply, ProbeRequest } from './probe-protocol.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_DIR = join(REPO_ROOT, 'dist/bench');
const PROBE_ENTRY = join(BUILD_DIR, 'bench/servers/with-probe.js');

const TAIL_BYTES = 8_192;
const LOG_DIR = join(tmpdir(), 'climate-risk-bench-logs');

export interface StartOptions {
  /** A name for messages and the results. */
  name: string;
  /** Script path relative to the repository root, e.g. `src/main.ts`. */
  script: string;
  env?: Record<string, string>;
  /** Extra Node flags (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly name: string;
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** ws://127.0.0.1:<port>/graphql */
  readonly wsUrl: string;
  readonly pid: number;
  /** Calls an operation of the in-process probe (bench/servers/probe.ts) and resolves with its answer. */
  call<T = unknown>(op: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** The last lines the child wrote (for error messages). */
  tail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** A port free right now on 127.0.0.1 (the child binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let built = false;
/** Compiles the servers (src/ and bench/servers, bench/baselines) into dist/bench/, once per harness run. */
export function buildServers(): void {
  if (built) return;
  const tsc = join(REPO_ROOT, 'node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', 'tsconfig.bench.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`compiling the bench servers failed:\n${output}`, { cause: error });
  }
  built = true;
}

/** The command line of a child: the probe's entry wrapper around the compiled script (`src/main.ts` → its .js). */
export function childNodeArgs(script: string, extra: readonly string[] = []): string[] {
  return [...extra, PROBE_ENTRY, join(BUILD_DIR, script.replace(/\.ts$/, '.js'))];
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  installExitHooks();
  buildServers();
  const port = await freePort();
  // The child logs to a file, not to a pipe: a pipe that the busy harness drains late would make pino's
  // synchronous writes wait (and stall the server's event loop), which no real log sink does.
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${options.name.replace(/[^\w.-]+/g, '_')}-${process.pid}-${Date.now()}.log`);
  const logFd = openSync(logFile, 'w');
  const child = spawn(process.execPath, childNodeArgs(options.script, options.nodeFlags), {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  closeSync(logFd);
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  const tail = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-TAIL_BYTES);
    } catch {
      return '';
    }
  };

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextCall = 1;
  child.on('message', (message: unknown) => {
    const reply = message as ProbeReply;
    if (typeof reply !== 'object' || reply === null || reply.kind !== 'bench-reply') return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiter) return;
    if (reply.error !== undefined) waiter.reject(new Error(`${options.name}: ${reply.error}`));
    else waiter.resolve(reply.result);
  });

  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const url = `http://127.0.0.1:${port}/graphql`;
  await new Promise<void>((resolve, reject) => {
    const startedAt = Date.now();
    let done = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null, signal: string | null): void => {
      finish(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${tail()}`));
    };
    child.once('exit', onExit);
    // Ready = the port accepts connections (whatever the server logs, at any LOG_LEVEL).
    const attempt = (): void => {
      if (done) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        finish();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - startedAt > readyTimeoutMs) {
          finish(new Error(`${options.name} did not start within ${readyTimeoutMs} ms:\n${tail()}`));
        } else setTimeout(attempt, 25);
      });
    };
    attempt();
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  let stopping: Promise<void> | null = null;
  return {
    name: options.name,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    pid: child.pid ?? -1,
    call<T>(op: string, args?: unknown, timeoutMs = 10_000): Promise<T> {
      const id = nextCall++;
      const request: ProbeRequest = { kind: 'bench-call', id, op, args };
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${options.name}: probe call ${op} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        if (!child.connected) {
          clearTimeout(timer);
          pending.delete(id);
          reject(new Error(`${options.name}: not connected`));
          return;
        }
        child.send(request);
      });
    },
    tail,
    stop(graceMs = 3_000) {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        for (const waiter of pending.values()) waiter.reject(new Error(`${options.name} stopped`));
        pending.clear();
        if (process.env['BENCH_KEEP_LOGS'] === undefined) rmSync(logFile, { force: true });
      })();
      return stopping;
    },
  };
}

/** Starts a server, runs `body`, and always stops the server. */
export async function withServer<T>(options: StartOptions, body: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}
