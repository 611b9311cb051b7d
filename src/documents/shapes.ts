/**
 * The parts of a report that the renderers read, as structural types.
 *
 * The server renders from its stored `Report` (src/reports/report.ts); the dashboard renders from the
 * GraphQL result (src/clients/generated/). Both satisfy these shapes, so one chart, one headline and one
 * set of labels serve the documents, the dashboard and the command line.
 */
import type { Hazard, Language, Scenario } from '../analysis/input.js';
import type { Category, Grade, HazardKind, NarrativeSource, Priority } from '../analysis/result.js';

export type { Category, Grade, Hazard, HazardKind, Language, NarrativeSource, Priority, Scenario };

export interface LossView {
  fraction: number;
  amount: number;
}

export interface HazardView {
  hazard: Hazard;
  kind: HazardKind;
  hazardScore: number;
  category: Category;
  indicator: { id: string; value: number; unit: string; baseline: number };
  eal: LossView | null;
  loss100: LossView | null;
  disruption: { fraction: number; amount: number | null } | null;
}

export interface ScenarioTotalView {
  ealFraction: number;
  ealAmount: number;
  loss100Fraction: number;
  loss100Amount: number;
  loss250Fraction: number;
  loss250Amount: number;
  overallScore: number;
  grade: Grade;
  simulation: { years: number };
}

export interface ScenarioView {
  scenario: Scenario;
  /** null for the historical baseline. */
  horizon: number | null;
  gwlC: number;
  localWarmingC: number;
  slrM: number;
  hazards: readonly HazardView[];
  total: ScenarioTotalView;
}

export interface RecommendationView {
  id: string;
  hazard: Hazard;
  priority: Priority;
  title: string;
  description: string;
}

export interface NarrativeView {
  summary: string;
  keyRisks: readonly string[];
  actions: readonly string[];
  source: NarrativeSource;
  language: Language;
  model: string | null;
}

export interface AnalysisView {
  methodologyVersion: string;
  currency: string;
  assetValue: number;
  dataQuality: { regions: readonly string[]; nearestKm: number; proxies: readonly string[] };
  scenarios: readonly ScenarioView[];
  recommendations: readonly RecommendationView[];
  narrative: NarrativeView | null;
}

/** What a document says about the asset, beside the analysis. */
export interface SubjectView {
  id: string;
  language: Language;
  /** ISO 8601, or epoch milliseconds (the stored report). */
  finishedAt: string | number | null;
  location: { latitude: number; longitude: number; address?: string | null | undefined };
  building: {
    name?: string | null | undefined;
    occupancy: string;
    structure: string;
    floorsAboveGround: number;
    basementFloors: number;
    yearBuilt?: number | null | undefined;
  };
  asset: { value: number; currency: string; contentsValue: number };
}

/** Everything a document shows: the subject and its finished analysis. */
export interface ReportDocument {
  subject: SubjectView;
  analysis: AnalysisView;
}
