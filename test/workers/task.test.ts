import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../src/workers/protocol.js';
import { runAnalysisTask } from '../../src/workers/task.js';
import { fakeAnalysis, sampleInput } from '../fixtures/workers/inputs.js';

function collect(port: MessageChannel['port1']): Promise<ProgressMessage[]> {
  const messages: ProgressMessage[] = [];
  port.on('message', (message: ProgressMessage) => messages.push(message));
  return new Promise((resolve) => port.once('close', () => resolve(messages)));
}

describe('runAnalysisTask', () => {
  it('returns the analysis and forwards progress in whole-percent steps, then closes the port', async () => {
    const { port1, port2 } = new MessageChannel();
    const received = collect(port1);
    const input = sampleInput();
    const outcome = await runAnalysisTask({ input, progressPort: port2 }, async (_input, { onProgress }) => {
      for (let i = 0; i <= 1_000; i += 1) onProgress('simulation', i / 10);
      onProgress('scoring', 100);
      return fakeAnalysis(input);
    });
    expect(outcome).toEqual({ ok: true, analysis: fakeAnalysis(input) });
    const messages = await received;
    expect(messages).toHaveLength(102);
    expect(messages.at(-1)).toEqual({ stage: 'scoring', percent: 100 });
  });

  it('returns the analyzer error as a value, so the thread stays healthy', async () => {
    const { port1, port2 } = new MessageChannel();
    const received = collect(port1);
    const outcome = await runAnalysisTask({ input: sampleInput(), progressPort: port2 }, async () => {
      throw new RangeError('no climate data');
    });
    expect(outcome).toEqual({ ok: false, error: { name: 'RangeError', message: 'no climate data' } });
    await received;
  });
});
