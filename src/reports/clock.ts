/**
 * Time as the service sees it. Injected so tests can drive deadlines and expiry with fake time; the
 * default reads the globals on every call, which is also what `vi.useFakeTimers()` replaces.
 */
/** Opaque: whatever the clock's setTimeout returned, handed back to its clearTimeout. */
export type TimerHandle = object;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Like setTimeout, but the timer does not keep the process alive. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  // The handle came from setTimeout above.
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
