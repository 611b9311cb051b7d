/** How `climate-risk` ends; scripts can tell a failed report from bad input or a missing server. */
export const ExitCode = {
  /** The report completed (or the command did what it was asked). */
  OK: 0,
  /** The report FAILED or was CANCELLED (or is not finished, for `get --format md|html`). */
  REPORT_FAILED: 1,
  /** Bad command line, or input the server rejected (BAD_USER_INPUT). */
  USAGE: 2,
  /** The server cannot be reached, refused the key, does not know the report, or failed. */
  SERVER: 3,
  /** The report TIMED_OUT, or no final status arrived by its deadline. */
  TIMED_OUT: 4,
  /** Stopped with Ctrl+C; the report carries on on the server. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure that ends the command with a code and one clear message. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
