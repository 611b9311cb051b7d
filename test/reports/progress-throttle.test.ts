import { describe, expect, it } from 'vitest';
import { ProgressThrottle } from '../../src/reports/progress-throttle.js';
import type { Progress } from '../../src/reports/report.js';
import { ManualClock } from './helpers/manual-clock.js';

describe('the progress throttle', () => {
  it('sends the first update at once and then at most one per interval, the latest', () => {
    const clock = new ManualClock();
    const sent: Progress[] = [];
    const throttle = new ProgressThrottle(clock, 100, (progress) => sent.push(progress));
    for (let percent = 0; percent <= 100; percent += 1) {
      throttle.push({ stage: 'simulation', percent });
      clock.advance(5); // 200 updates a second
    }
    // 505 ms of updates → the first at once, then one per 100 ms.
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent[0]).toEqual({ stage: 'simulation', percent: 0 });
    clock.advance(100);
    expect(sent.at(-1)).toEqual({ stage: 'simulation', percent: 100 });
  });

  it('sends nothing after close', () => {
    const clock = new ManualClock();
    const sent: Progress[] = [];
    const throttle = new ProgressThrottle(clock, 100, (progress) => sent.push(progress));
    throttle.push({ stage: 's', percent: 1 });
    throttle.push({ stage: 's', percent: 2 });
    throttle.close();
    throttle.push({ stage: 's', percent: 3 });
    clock.advance(1_000);
    expect(sent).toEqual([{ stage: 's', percent: 1 }]);
    expect(clock.pendingTimers).toBe(0);
  });
});
