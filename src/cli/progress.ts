/**
 * Progress on stderr while a report runs. On a terminal: one line redrawn in place (a bar, the stage,
 * the percentage, the time so far). Anywhere else (a pipe, a CI log): a plain line when the status or
 * stage changes and at every quarter, so logs stay short and readable.
 */
import { formatDuration } from '../documents/format.js';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;
const STEP = 25;

export interface ProgressState {
  status: string;
  stage: string | null;
  percent: number | null;
  queuePosition: number | null;
}

export class ProgressDisplay {
  readonly #out: Output;
  readonly #quiet: boolean;
  readonly #started = Date.now();
  #drawn = false;
  #lastLine = '';
  #lastStep = -1;

  constructor(out: Output, { quiet = false }: { quiet?: boolean } = {}) {
    this.#out = out;
    this.#quiet = quiet;
  }

  /** Writes a line of its own (a message between updates), keeping the bar below it on a terminal. */
  note(message: string): void {
    if (this.#quiet) return;
    this.#clear();
    this.#out.write(`${message}\n`);
  }

  update(state: ProgressState): void {
    if (this.#quiet) return;
    if (this.#out.isTTY) this.#draw(state);
    else this.#log(state);
  }

  /** Removes the bar (a terminal keeps only what follows). */
  done(): void {
    this.#clear();
  }

  #draw({ status, stage, percent, queuePosition }: ProgressState): void {
    const value = Math.max(0, Math.min(100, percent ?? 0));
    const filled = Math.round((value / 100) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const detail = status === 'QUEUED' ? `waiting${queuePosition ? ` (#${queuePosition} in the queue)` : ''}` : `${Math.floor(value).toString().padStart(3)}%  ${stage ?? ''}`;
    let line = `${status.padEnd(9)} [${bar}] ${detail}  ${formatDuration(Date.now() - this.#started)}`;
    const width = this.#out.columns ?? 80;
    if (line.length > width - 1) line = line.slice(0, width - 1);
    this.#out.write(`\r\x1b[2K${line}`);
    this.#drawn = true;
  }

  #log({ status, stage, percent, queuePosition }: ProgressState): void {
    const step = percent === null ? -1 : Math.floor(percent / STEP) * STEP;
    const head = status === 'QUEUED' ? `QUEUED${queuePosition ? ` #${queuePosition} in the queue` : ''}` : `${status} ${stage ?? ''}`.trim();
    if (head === this.#lastLine && step <= this.#lastStep) return;
    if (head !== this.#lastLine) this.#lastStep = -1;
    this.#lastLine = head;
    this.#lastStep = step;
    this.#out.write(`${head}${status === 'RUNNING' && percent !== null ? ` ${Math.floor(percent)}%` : ''}\n`);
  }

  #clear(): void {
    if (this.#drawn) this.#out.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
