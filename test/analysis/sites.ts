/** The Korean sanity-check sites of DOMAIN.md §5, as analyzer inputs. */
import { type AnalysisInput, type AnalysisInputDraft, parseAnalysisInput } from '../../src/analysis/input.js';

export const KOREAN_SITES = {
  SEO: { latitude: 37.4979, longitude: 127.0276, elevationM: 15, distanceToCoastKm: 30 },
  BSN: { latitude: 35.1566, longitude: 129.145, elevationM: 3, distanceToCoastKm: 0.1 },
  ICN: { latitude: 37.4636, longitude: 126.6036, elevationM: 5, distanceToCoastKm: 0.2 },
  DGU: { latitude: 35.8714, longitude: 128.6014, elevationM: 45, distanceToCoastKm: 70 },
  JEJ: { latitude: 33.4996, longitude: 126.5312, elevationM: 20, distanceToCoastKm: 1 },
} as const;
export type SiteId = keyof typeof KOREAN_SITES;

/** A valid input for a site, small enough to simulate quickly in tests. */
export function inputFor(location: AnalysisInputDraft['location'], overrides: Partial<AnalysisInputDraft> = {}): AnalysisInput {
  return parseAnalysisInput({
    location,
    asset: { value: 50_000_000_000 },
    params: { simulationYears: 4_000, includeNarrative: false },
    ...overrides,
  });
}
