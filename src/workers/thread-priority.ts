/**
 * Lowers the scheduling priority of the calling thread (Linux: nice values are per thread).
 *
 * The analysis threads run long CPU-bound loops; the event loop answers requests in short bursts. With
 * equal priority, the scheduler shares the cores fairly among all of them, so on a machine where the
 * workers, the event loop and anything else (a load generator, a sidecar) want more CPU than there is,
 * the event loop waits its turn behind the simulations. A niced worker still gets every idle cycle, but
 * yields at once when the event loop wakes up. Measured by `npm run bench` (accept rate, event-loop delay).
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The kernel id of the calling thread, or null where /proc/thread-self does not exist (not Linux). */
function threadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Sets this thread's nice value to `niceness` (0 … 19) if that lowers its priority. Returns whether it
 * did; a platform without per-thread priorities, or a refusal, leaves the thread as it was.
 */
export function lowerThreadPriority(niceness: number): boolean {
  if (!Number.isInteger(niceness) || niceness <= 0) return false;
  const tid = threadId();
  if (tid === null) return false;
  try {
    if (getPriority(tid) >= niceness) return false;
    setPriority(tid, Math.min(19, niceness));
    return true;
  } catch {
    return false;
  }
}
