/**
 * `climate-risk` against real servers started in this process: one with the real analyzer, one with
 * the scripted worker (failures, timeouts). The commands run in process through `main` with captured
 * streams; one test runs the bin shim the way `npx climate-risk` does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { createReportService } from '../../src/reports/index.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { silentLogger, threadedService } from '../helpers/services.js';

/** The escape character that starts a terminal control sequence. */
const ESC = '\x1b';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function run(args: string[], options: { tty?: boolean } = {}) {
  const stdout = new Capture();
  const stderr = new Capture(options.tty ?? false);
  const code = await main(args, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Small and quick: one scenario, one horizon, few simulated years. */
const QUICK = ['--scenarios', 'ssp5_8_5', '--horizons', '2050', '--years', '2000', '--no-narrative'];

describe('climate-risk with the real analyzer', () => {
  let server: TestServer;
  let base: string;
  let dir: string;
  let completedId: string;

  beforeAll(async () => {
    server = await startTestServer(createReportService({ logger: silentLogger, workers: 1 }));
    base = server.url.replace(/\/graphql$/, '');
    dir = await mkdtemp(join(tmpdir(), 'climate-risk-cli-'));
  });
  afterAll(async () => {
    await server.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('report: submits, follows, prints the summary table on stdout, saves the document, exits 0', async () => {
    const out = join(dir, 'report.md');
    const { code, stdout, stderr } = await run(['report', '--lat', '35.1566', '--lon', '129.145', '--value', '50000000000', '--language', 'en', '--server', base, '--out', out, ...QUICK]);
    expect(code, stderr).toBe(ExitCode.OK);
    completedId = /^Report ([0-9a-f-]+) {2}COMPLETED/m.exec(stdout)?.[1] ?? '';
    expect(completedId).not.toBe('');
    expect(stdout).toMatch(/^Scenario +Grade +Score +Expected annual loss/m);
    expect(stdout).toMatch(/^Baseline \(1995–2014\) +[A-E] +\d+ +₩[\d,]+ +[\d.<]+%/m);
    expect(stdout).toMatch(/^SSP5-8\.5 2050 +[A-E] /m);
    expect(stdout).toContain(`${base}/reports/${completedId}.md`);
    // Not a terminal: plain progress lines, no bar, no control characters.
    expect(stderr).toContain(`Report ${completedId} queued`);
    expect(stderr).not.toContain('\r');
    expect(stderr).not.toContain(ESC);
    expect(stderr).toContain(`Saved the report to ${out}`);
    expect(await readFile(out, 'utf8')).toMatch(/^# Physical climate-risk report: /);
  });

  it('report: draws a bar on a terminal and clears it at the end', async () => {
    const { code, stderr } = await run(['report', '--lat', '37.5665', '--lon', '126.978', '--value', '1e9', '--server', base, ...QUICK], { tty: true });
    expect(code).toBe(ExitCode.OK);
    const shown = stderr.replaceAll(ESC, '<ESC>');
    expect(shown).toMatch(/\r<ESC>\[2K(QUEUED|RUNNING|COMPLETED) +\[[█░]{24}\]/);
    expect(shown.endsWith('\r<ESC>[2K')).toBe(true);
  });

  it('watch: follows an existing report to its end', async () => {
    const { code, stdout } = await run(['watch', completedId, '--server', base]);
    expect(code).toBe(ExitCode.OK);
    expect(stdout).toContain(`Report ${completedId}  COMPLETED`);
  });

  it('get: prints the report as JSON or as a document', async () => {
    const json = await run(['get', completedId, '--format', 'json', '--server', `${base}/graphql`]);
    expect(json.code).toBe(ExitCode.OK);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: completedId, status: 'COMPLETED', result: { currency: 'KRW' } });
    const md = await run(['get', completedId, '--format', 'md', '--server', base]);
    expect(md.stdout).toMatch(/^# Physical climate-risk report/);
    const html = await run(['get', completedId, '--format', 'html', '--server', base]);
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it('exits 2 naming the flag when the input is bad, here or on the server', async () => {
    const local = await run(['report', '--lat', 'north', '--lon', '129', '--value', '1e9', '--server', base]);
    expect(local.code).toBe(ExitCode.USAGE);
    expect(local.stderr).toContain('--lat must be a number (got "north")');
    const missing = await run(['report', '--lon', '129', '--value', '1e9', '--server', base]);
    expect(missing.stderr).toContain('--lat is required');
    const remote = await run(['report', '--lat', '95', '--lon', '129', '--value=-5', '--server', base]);
    expect(remote.code).toBe(ExitCode.USAGE);
    expect(remote.stderr).toMatch(/The server rejected the input:\n {2}--lat: latitude must be between -90 and 90/);
    expect(remote.stderr).toMatch(/--value: value must be greater than 0/);
    const unknown = await run(['report', '--colour', 'red']);
    expect(unknown.code).toBe(ExitCode.USAGE);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
  });

  it('exits 3 when the server cannot be reached or does not know the report', async () => {
    const closed = await closedPort();
    const nowhere = await run(['get', completedId, '--server', `http://127.0.0.1:${closed}`]);
    expect(nowhere.code).toBe(ExitCode.SERVER);
    expect(nowhere.stderr).toContain(`Cannot reach the server at http://127.0.0.1:${closed} (ECONNREFUSED)`);
    const unknown = await run(['watch', '00000000-0000-4000-8000-000000000000', '--server', base]);
    expect(unknown.code).toBe(ExitCode.SERVER);
    expect(unknown.stderr).toContain('NOT_FOUND');
  });

  it('runs from the bin shim, as `npx climate-risk` does', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/climate-risk.js'), 'get', completedId, '--format', 'md', '--server', base], { cwd: ROOT });
    expect(stdout).toMatch(/^# Physical climate-risk report/);
    const failure = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/climate-risk.js'), 'nonsense'], { cwd: ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: ExitCode.USAGE });
  });
});

describe('climate-risk when a report does not complete', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(threadedService());
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.dispose());

  it('exits 1 with the error when the analysis fails', async () => {
    const { code, stdout, stderr } = await run(['report', '--lat', '37.5', '--lon', '127', '--value', '1e9', '--name', 'throw:boom', '--server', base, '--quiet']);
    expect(code).toBe(ExitCode.REPORT_FAILED);
    expect(stdout).toMatch(/ {2}FAILED/);
    expect(stderr).toMatch(/FAILED: ANALYZER_ERROR: /);
  });

  it('exits 4 when the report times out', async () => {
    const { code, stderr } = await run(['report', '--lat', '37.5', '--lon', '127', '--value', '1e9', '--name', 'spin:5000', '--timeout', '1', '--server', base]);
    expect(code).toBe(ExitCode.TIMED_OUT);
    expect(stderr).toMatch(/TIMED_OUT: TIMED_OUT/);
  });
});
