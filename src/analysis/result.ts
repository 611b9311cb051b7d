/**
 * The analysis result: plain JSON, structured-clone safe (it crosses the worker boundary and is stored
 * as is). METHODOLOGY.md documents every field; the GraphQL `RiskAnalysis` type exposes them one to one.
 * Absent values are `null`, never `undefined`, so the shape is the same after a JSON round trip.
 */
import type { Hazard, Horizon, Language, Scenario } from './input.js';

/** physrisk's categories; NO_DATA and NO_VULNERABILITY say why no band applies. */
export const CATEGORIES = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NO_DATA', 'NO_VULNERABILITY'] as const;
export type Category = (typeof CATEGORIES)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export type HazardKind = 'ACUTE' | 'CHRONIC';
export type Priority = 'HIGH' | 'MEDIUM' | 'LOW';
export type NarrativeSource = 'LLM' | 'TEMPLATE';

export interface Indicator {
  /** Stable id of the measure, e.g. `days_tmax_ge_33c`. */
  id: string;
  value: number;
  unit: string;
  /** The same measure under the historical baseline. */
  baseline: number;
}

export interface Loss {
  /** Fraction of the insured value (0..1). */
  fraction: number;
  /** fraction × assetValue, in the report's currency. */
  amount: number;
}

export interface Disruption {
  /** Fraction of working time or revenue lost per year (0..1). */
  fraction: number;
  /** fraction × annualRevenue when the revenue is known. */
  amount: number | null;
}

export interface HazardResult {
  hazard: Hazard;
  kind: HazardKind;
  indicator: Indicator;
  /** 0–100 exposure score of the hazard itself, before protection and vulnerability. */
  hazardScore: number;
  /** physrisk band of the loss (acute) or disruption (chronic). */
  category: Category;
  eal: Loss | null;
  loss100: Loss | null;
  disruption: Disruption | null;
}

export interface SimulationStats {
  years: number;
  /** Monte-Carlo mean of the combined annual loss fraction. */
  meanFraction: number;
  meanStdError: number;
  loss100StdError: number;
  loss250StdError: number;
}

export interface ScenarioTotal {
  /** Expected annual loss of all acute hazards combined (independent hazards: 1 − Π(1 − EAL_h)). */
  ealFraction: number;
  ealAmount: number;
  /** Combined annual loss exceeded once in 100 years, from the simulation. */
  loss100Fraction: number;
  loss100Amount: number;
  loss250Fraction: number;
  loss250Amount: number;
  overallScore: number;
  grade: Grade;
  simulation: SimulationStats;
}

export interface ScenarioResult {
  scenario: Scenario;
  /** null for the historical baseline (1995–2014). */
  horizon: Horizon | null;
  /** Global warming level, °C above 1850–1900. */
  gwlC: number;
  /** Local warming of the site, °C above the 1995–2014 baseline. */
  localWarmingC: number;
  /** Global mean sea-level rise, m above 1995–2014. */
  slrM: number;
  hazards: HazardResult[];
  total: ScenarioTotal;
}

export interface DataQuality {
  /** Regions of the climate table used for this site, nearest first. */
  regions: string[];
  /** Distance to the nearest region used, km. */
  nearestKm: number;
  /** Every assumption made for a missing input or a missing region. */
  proxies: string[];
}

export interface Recommendation {
  id: string;
  hazard: Hazard;
  priority: Priority;
  title: string;
  description: string;
}

export interface Narrative {
  /** The whole narrative as one text (summary, key risks, actions). */
  text: string;
  summary: string;
  keyRisks: string[];
  actions: string[];
  source: NarrativeSource;
  language: Language;
  /** The model that wrote it, null for the template. */
  model: string | null;
}

export interface RiskAnalysis {
  methodologyVersion: string;
  currency: string;
  /** Insured value: building value plus contents value. */
  assetValue: number;
  dataQuality: DataQuality;
  /** The historical baseline first, then each requested scenario × horizon. */
  scenarios: ScenarioResult[];
  recommendations: Recommendation[];
  /** null until the narrative step ran, or when it was not requested. */
  narrative: Narrative | null;
}
