/**
 * `climate-risk`: request, follow and fetch climate-risk reports from the command line.
 * bin/climate-risk.js runs {@link runFromProcess}; tests call {@link main} with their own streams.
 */
import { parseCommand, USAGE } from './args.js';
import { runGet, runReport, runWatch } from './commands.js';
import type { CliIo } from './commands.js';
import { CliError, ExitCode } from './exit-codes.js';

export { ExitCode };

export async function main(argv: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = {}): Promise<ExitCode> {
  try {
    const command = parseCommand(argv, env);
    switch (command.name) {
      case 'help':
        io.stdout.write(USAGE);
        return ExitCode.OK;
      case 'report':
        return await runReport(command, io);
      case 'watch':
        return await runWatch(command, io);
      case 'get':
        return await runGet(command, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`climate-risk: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`climate-risk: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.SERVER;
  }
}

/** The process's arguments, streams and environment; Ctrl+C stops following (the report carries on). */
export async function runFromProcess(): Promise<void> {
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal }, process.env);
}
