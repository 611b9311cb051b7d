import { afterEach, describe, expect, it } from 'vitest';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import { PiscinaAnalysisPool } from '../../src/workers/pool.js';

describe('the real analysis worker', () => {
  let pool: PiscinaAnalysisPool;
  afterEach(() => pool.destroy());

  it('loads from its default location and runs the analyzer in a thread, reporting progress', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1 });
    const input = parseAnalysisInput({
      location: { latitude: 35.1, longitude: 129.04 },
      asset: { value: 1_000_000_000 },
      // Several simulation chunks: progress travels on its own port, so only messages posted while the task
      // still runs are sure to arrive before its result does.
      params: { simulationYears: 60_000, scenarios: ['SSP2_4_5'], horizons: [2050], includeNarrative: false },
    });
    const stages = new Set<string>();
    const analysis = await pool.run(input, { onProgress: (stage) => stages.add(stage) });
    expect(analysis.narrative).toBeNull();
    expect(analysis.scenarios.length).toBeGreaterThan(0);
    expect(stages.size).toBeGreaterThan(0);
  });
});
