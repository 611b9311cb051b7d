/**
 * A thread of the "pool of four" baseline: runs the seed's whole `analyzer.analyze(...)` (the CPU part
 * and the LLM call) for one job at a time, as a Python executor thread would.
 */
import { parentPort } from 'node:worker_threads';
import { assessRiskSync } from '../../src/analysis/assess.js';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import { createOpenAiNarrator, writeNarrative } from '../../src/analysis/narrative/index.js';
import type { RiskAnalysis } from '../../src/analysis/result.js';

const narrator = createOpenAiNarrator({ apiKey: process.env['OPENAI_API_KEY'], baseURL: process.env['OPENAI_BASE_URL'] });

async function analyze(raw: unknown): Promise<RiskAnalysis> {
  const input = parseAnalysisInput(raw);
  const analysis = assessRiskSync(input);
  if (input.params.includeNarrative) analysis.narrative = await writeNarrative(analysis, input, { narrator });
  return analysis;
}

parentPort?.on('message', (job: { id: number; payload: unknown }) => {
  analyze(job.payload).then(
    (value) => parentPort?.postMessage({ id: job.id, ok: true, value }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
