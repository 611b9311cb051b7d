/** A finished report for the document tests: the real analyzer (a small simulation) and the template narrative. */
import { assessRiskSync } from '../../src/analysis/assess.js';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import type { AnalysisInputDraft } from '../../src/analysis/input.js';
import { templateNarrative } from '../../src/analysis/narrative/index.js';
import type { ReportDocument } from '../../src/documents/shapes.js';

export const SAMPLE_ID = '0b8f2c1e-5d4a-4e7b-9c3f-2a1d6e8b7f00';

export function sampleDocument(language: 'EN' | 'KO' = 'EN', overrides: Partial<AnalysisInputDraft> = {}): ReportDocument {
  const input = parseAnalysisInput({
    location: { latitude: 35.1566, longitude: 129.145, address: 'Haeundae, Busan' },
    building: { name: 'Haeundae seafront tower', occupancy: 'RESIDENTIAL', floorsAboveGround: 30, basementFloors: 3 },
    asset: { value: 50_000_000_000, currency: 'KRW' },
    params: { simulationYears: 2_000, includeNarrative: true },
    language,
    ...overrides,
  });
  const analysis = assessRiskSync(input);
  analysis.narrative = templateNarrative(analysis, input);
  return {
    subject: {
      id: SAMPLE_ID,
      language: input.language,
      finishedAt: Date.UTC(2026, 10, 25, 4, 30),
      location: input.location,
      building: input.building,
      asset: input.asset,
    },
    analysis,
  };
}
