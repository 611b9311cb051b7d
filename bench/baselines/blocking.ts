/**
 * Baseline 1, "Blocking": the seed's original mistake. The createReport resolver calls the analyzer
 * synchronously on the event loop and returns the result; while it computes, nothing else is answered.
 *
 * Same analyzer code as the service (assessRiskSync), same narrative code and mock LLM server. The seed's
 * analyzer also made its LLM call synchronously; Node has no synchronous HTTP client, so the narrative is
 * awaited here. That only helps this baseline (the loop is free during the LLM wait).
 */
import { randomUUID } from 'node:crypto';
import { assessRiskSync } from '../../src/analysis/assess.js';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import { createOpenAiNarrator, writeNarrative } from '../../src/analysis/narrative/index.js';
import { serveBaseline, type BaselineReport } from './http-server.js';

const narrator = createOpenAiNarrator({ apiKey: process.env['OPENAI_API_KEY'], baseURL: process.env['OPENAI_BASE_URL'] });
const results = new Map<string, BaselineReport>();

await serveBaseline('blocking baseline', {
  async createReport(raw) {
    const input = parseAnalysisInput(raw);
    // ❌ The original mistake: a long synchronous call inside an async handler.
    const analysis = assessRiskSync(input);
    if (input.params.includeNarrative) analysis.narrative = await writeNarrative(analysis, input, { narrator });
    const report: BaselineReport = { id: randomUUID(), status: 'COMPLETED', error: null, result: analysis };
    results.set(report.id, report);
    return report;
  },
  async report(id) {
    return results.get(id) ?? null;
  },
});
