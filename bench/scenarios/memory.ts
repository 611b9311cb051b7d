/**
 * Memory per stored report: 100,000 completed reports in the memory store, heap growth beyond what the
 * reports carry, and the heap after their TTL passed. Measured in one process (bench/servers/memory-probe.ts).
 */
import { runJsonScript } from '../lib/run-script.js';
import type { Scenario } from '../lib/scenario.js';
import { formatCount } from '../lib/stats.js';

interface MemoryFigures {
  count: number;
  baselineMb: number;
  resultBytesEach: number;
  inputBytesEach: number;
  storedMb: number;
  growthBytesEach: number;
  overheadBytesEach: number;
  afterTtlMb: number;
  residualBytesEach: number;
  remainingAfterTtl: number;
}

export const memory: Scenario = {
  name: 'memory',
  title: 'Memory per stored report',
  async run(context) {
    const count = context.quick ? 10_000 : 100_000;
    context.log(`${count.toLocaleString('en-US')} completed reports in one process`);
    const m = await runJsonScript<MemoryFigures>('bench/servers/memory-probe.ts', [String(count)], ['--expose-gc', ...context.nodeFlags], 300_000);
    const peakGrowthMb = m.storedMb - m.baselineMb;
    const residualMb = m.afterTtlMb - m.baselineMb;
    const nearBaseline = residualMb <= Math.max(0.05 * peakGrowthMb, 2) && m.remainingAfterTtl === 0;
    return {
      rows: [
        {
          figure: `heap per stored report beyond its payload (${formatCount(count)} completed reports)`,
          ours: `${formatCount(m.overheadBytesEach)} B`,
          baseline: '—',
          ratio: '—',
          goal: '≤ 1 KB',
          pass: m.overheadBytesEach <= 1_024,
        },
        {
          figure: 'heap after the TTL passed, above the baseline',
          ours: `${residualMb.toFixed(1)} MB (${((100 * residualMb) / peakGrowthMb).toFixed(1)} % of the peak growth)`,
          baseline: '—',
          ratio: '—',
          goal: 'near the baseline (≤ 5 %)',
          pass: nearBaseline,
        },
      ],
      figures: { memory_overhead_bytes: m.overheadBytesEach, memory_residual_mb: residualMb },
      notes: [
        `One process with --expose-gc: the real ReportService and memory store, a pool that completes each task at once, a manual clock; every heap figure is heapUsed after two forced GCs. A warm-up of 2,000 reports (created, completed, expired) comes first.`,
        `Payload, measured by building the same objects alone: results (a real analysis, 2 scenario cells × 2 hazards, one copy per report) ${formatCount(m.resultBytesEach)} B each, parsed inputs ${formatCount(m.inputBytesEach)} B each.`,
        `Heap: ${m.baselineMb.toFixed(1)} MB before, ${m.storedMb.toFixed(1)} MB with ${formatCount(count)} completed reports stored (growth ${formatCount(m.growthBytesEach)} B per report), ` +
          `${m.afterTtlMb.toFixed(1)} MB after the TTL expired them (${m.remainingAfterTtl} left).`,
        'Overhead = (growth − payload) / reports: the report record, its id, its timestamps, and its entries in the store\'s maps.',
      ],
    };
  },
};
