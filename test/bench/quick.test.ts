/**
 * The benchmark harness as a smoke test: `tsx bench/index.ts --quick` must run every scenario to the end
 * and print the results table. No timing is asserted (CI machines vary); the harness stops every server
 * it started, and this test kills the harness's whole process group if it overruns.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIMIT_MS = 170_000;

describe('npm run bench -- --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'runs every scenario, prints the table and writes the results file',
    async () => {
      const results = join(dir, 'RESULTS.md');
      // Its own process group, so a timeout can kill the harness and every server it started.
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--quick', '--results', results], {
        cwd: REPO_ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), LIMIT_MS);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      clearTimeout(timer);

      expect(code, output.slice(-3_000)).toBe(0);
      expect(output).toMatch(/measure\s+│ figure\s+│ ours\s+│ baseline\s+│ ratio\s+│ goal\s+│ pass\/miss/);
      for (const measure of [
        'Event-loop responsiveness',
        'LLM-bound concurrency',
        'CPU scaling',
        'Accept rate',
        'Push latency',
        'Burst completion',
        'Subscribers',
        'Deadline precision',
        'Memory per stored report',
        'Simulation speed',
      ]) {
        expect(output).toContain(measure);
      }
      expect(output).not.toContain('scenario failed');
      const written = readFileSync(results, 'utf8');
      expect(written).toContain('Machine:');
      expect(written).toContain('| measure | figure | ours | baseline | ratio | goal | pass/miss |');
    },
    LIMIT_MS + 10_000,
  );
});
