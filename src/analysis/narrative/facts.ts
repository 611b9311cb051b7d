/**
 * The figures a narrative may quote, picked from a RiskAnalysis.
 *
 * A full analysis holds up to ten scenario cells × eight hazards; a reader (and a model) needs a few:
 * the historical baseline, the middle and the high-emission pathway at mid and end of century, and
 * the hazards that drive each. Every figure is pre-formatted as the narrative should show it, so the
 * model copies strings instead of rounding raw floats, and the allowed set for the figure check is
 * read from exactly these strings (figures.ts).
 */
import type { AnalysisInput, FutureScenario, Hazard, Horizon, Language } from '../input.js';
import type { Category, Grade, HazardKind, HazardResult, Priority, RiskAnalysis, ScenarioResult } from '../result.js';
import { AllowedFigures } from './figures.js';
import {
  BASELINE_PERIOD,
  CATEGORY_RANK,
  PRIORITY_RANK,
  formatChange,
  formatIndicator,
  formatMoney,
  formatNumber,
  formatPercent,
  scenarioLabel,
} from './wording.js';

/** Preferred future cells: the middle and the high pathway (SSP1-2.6 only when nothing else was run). */
const PREFERRED_SCENARIOS: readonly FutureScenario[] = ['SSP2_4_5', 'SSP5_8_5'];
const PREFERRED_HORIZONS: readonly Horizon[] = [2050, 2100];
const SCENARIO_ORDER: Record<string, number> = { SSP1_2_6: 0, SSP2_4_5: 1, SSP5_8_5: 2 };
/** Enough cells for "today, mid-century, end of century" under two pathways. */
const MAX_FUTURE_CELLS = 4;
const TOP_HAZARDS = 3;
/** KMA's heatwave threshold (폭염: daily maximum ≥ 33 °C); the indicator id the analyzer uses for it. */
export const HOT_DAY_THRESHOLD_C = 33;
export const HOT_DAYS_INDICATOR = 'days_tmax_ge_33c';
/** The return period of the loss the narrative quotes (1-in-100). */
export const RETURN_PERIOD_YEARS = 100;

export interface LossFacts {
  /** Share of the insured value, e.g. `0.42%`. */
  percent: string;
  /** In the report's currency, whole units, e.g. `₩4,213,456`. */
  amount: string;
}

export interface HazardFacts {
  hazard: Hazard;
  kind: HazardKind;
  category: Category;
  /** 0–100 exposure score, whole number. */
  hazardScore: string;
  eal?: LossFacts;
  loss100?: LossFacts;
  /** Share of working time or revenue lost per year (chronic hazards). */
  disruption?: string;
  indicator: { id: string; unit: string; value: string; baseline: string };
}

export interface ScenarioFacts {
  /** `HISTORICAL` or the IPCC spelling, e.g. `SSP2-4.5`. */
  scenario: string;
  horizon: Horizon | null;
  grade: Grade;
  /** 0–100, whole number. */
  overallScore: string;
  eal: LossFacts;
  loss100: LossFacts;
  /** Relative change of the EAL from the baseline, e.g. `+45%`; absent for the baseline or a zero baseline. */
  ealChangeFromBaseline?: string;
  globalWarmingC: string;
  localWarmingC: string;
  seaLevelRiseM: string;
  /** Days a year with a maximum of 33 °C or more, when the heat hazard was assessed. */
  hotDays?: string;
  topHazards: HazardFacts[];
}

export interface NarrativeFacts {
  language: Language;
  currency: string;
  insuredValue: string;
  building: {
    name?: string;
    address?: string;
    occupancy: string;
    structure: string;
    yearBuilt?: number;
    floorsAboveGround: number;
    basementFloors: number;
  };
  definitions: {
    grades: string;
    scores: string;
    baselinePeriod: string;
    returnPeriodYears: number;
    hotDayThresholdC: number;
  };
  /** The baseline first, then the future cells by horizon and pathway. */
  scenarios: ScenarioFacts[];
  /** Highest priority first. */
  recommendations: { priority: Priority; hazard: Hazard; title: string; description: string }[];
}

export interface SelectedFacts {
  facts: NarrativeFacts;
  /** Every number the facts contain: what a narrative may quote. */
  allowed: AllowedFigures;
}

export interface ScenarioSelection {
  baseline: ScenarioResult | undefined;
  future: ScenarioResult[];
  /** The cell the key risks describe: SSP2-4.5 in 2050 when present, else the first future cell, else the baseline. */
  focus: ScenarioResult | undefined;
}

/** Chooses the cells a narrative talks about (see PREFERRED_*). */
export function selectScenarios(analysis: RiskAnalysis): ScenarioSelection {
  const baseline = analysis.scenarios.find((s) => s.scenario === 'HISTORICAL');
  const all = analysis.scenarios.filter((s) => s.scenario !== 'HISTORICAL' && s.horizon !== null);
  const preferScenario = all.filter((s) => (PREFERRED_SCENARIOS as readonly string[]).includes(s.scenario));
  const byScenario = preferScenario.length > 0 ? preferScenario : all;
  const preferHorizon = byScenario.filter((s) => s.horizon !== null && PREFERRED_HORIZONS.includes(s.horizon));
  const future = (preferHorizon.length > 0 ? preferHorizon : byScenario)
    .slice()
    .sort((a, b) => (a.horizon ?? 0) - (b.horizon ?? 0) || (SCENARIO_ORDER[a.scenario] ?? 9) - (SCENARIO_ORDER[b.scenario] ?? 9))
    .slice(0, MAX_FUTURE_CELLS);
  const focus = future.find((s) => s.scenario === 'SSP2_4_5' && s.horizon === 2050) ?? future[0] ?? baseline;
  return { baseline, future, focus };
}

/** The loss (acute) or disruption (chronic) fraction that ranks a hazard within its band. */
function lossFraction(hazard: HazardResult): number {
  return hazard.eal?.fraction ?? hazard.disruption?.fraction ?? 0;
}

/** A hazard the site is not exposed to at all (e.g. coastal flooding 70 km inland) is not a risk to report. */
function isExposed(hazard: HazardResult): boolean {
  return hazard.hazardScore > 0 || lossFraction(hazard) > 0;
}

/** The hazards that drive a cell: by band, then loss, then exposure score; stable for ties. */
export function topHazards(scenario: ScenarioResult, count = TOP_HAZARDS): HazardResult[] {
  return scenario.hazards
    .filter(isExposed)
    .map((hazard, order) => ({ hazard, order }))
    .sort(
      (a, b) =>
        CATEGORY_RANK[b.hazard.category] - CATEGORY_RANK[a.hazard.category] ||
        lossFraction(b.hazard) - lossFraction(a.hazard) ||
        b.hazard.hazardScore - a.hazard.hazardScore ||
        a.order - b.order,
    )
    .slice(0, count)
    .map(({ hazard }) => hazard);
}

/** Recommendations, highest priority first, keeping the analyzer's order within a priority. */
export function sortedRecommendations(analysis: RiskAnalysis): RiskAnalysis['recommendations'] {
  return analysis.recommendations
    .map((recommendation, order) => ({ recommendation, order }))
    .sort((a, b) => PRIORITY_RANK[a.recommendation.priority] - PRIORITY_RANK[b.recommendation.priority] || a.order - b.order)
    .map(({ recommendation }) => recommendation);
}

/** The hazard carrying the days-above-33 °C indicator, if the heat hazard was assessed. */
export function hotDaysIndicator(scenario: ScenarioResult): HazardResult['indicator'] | undefined {
  const byId = scenario.hazards.find((h) => h.indicator.id === HOT_DAYS_INDICATOR);
  if (byId) return byId.indicator;
  const heat = scenario.hazards.find((h) => h.hazard === 'EXTREME_HEAT');
  return heat && /day/i.test(heat.indicator.unit) ? heat.indicator : undefined;
}

/** Shared formatters bound to one analysis and language. */
export function figureFormat(analysis: RiskAnalysis, language: Language) {
  const money = (amount: number) => formatMoney(Math.abs(amount) < 0.5 ? 0 : amount, analysis.currency, language);
  return {
    money,
    loss: (fraction: number, amount: number): LossFacts => ({ percent: formatPercent(fraction), amount: money(amount) }),
    score: (score: number) => formatNumber(Math.round(score), 0, language),
    days: (days: number) => formatNumber(days, 1, language),
    indicator: (value: number) => formatIndicator(value, language),
    celsius: (c: number) => `${formatNumber(c, 1, language)} °C`,
    warming: (c: number) => `${c >= 0 ? '+' : '−'}${formatNumber(Math.abs(c), 1, language)} °C`,
    metres: (m: number) => `${formatNumber(m, 2, language)} m`,
  };
}

function hazardFacts(hazard: HazardResult, format: ReturnType<typeof figureFormat>): HazardFacts {
  return {
    hazard: hazard.hazard,
    kind: hazard.kind,
    category: hazard.category,
    hazardScore: format.score(hazard.hazardScore),
    ...(hazard.eal ? { eal: format.loss(hazard.eal.fraction, hazard.eal.amount) } : {}),
    ...(hazard.loss100 ? { loss100: format.loss(hazard.loss100.fraction, hazard.loss100.amount) } : {}),
    ...(hazard.disruption ? { disruption: formatPercent(hazard.disruption.fraction) } : {}),
    indicator: {
      id: hazard.indicator.id,
      unit: hazard.indicator.unit,
      value: format.indicator(hazard.indicator.value),
      baseline: format.indicator(hazard.indicator.baseline),
    },
  };
}

function scenarioFacts(
  scenario: ScenarioResult,
  baseline: ScenarioResult | undefined,
  format: ReturnType<typeof figureFormat>,
): ScenarioFacts {
  const { total } = scenario;
  const hotDays = hotDaysIndicator(scenario);
  const baseEal = baseline?.total.ealFraction ?? 0;
  const showChange = scenario !== baseline && baseline !== undefined && baseEal > 0;
  return {
    scenario: scenarioLabel(scenario.scenario),
    horizon: scenario.horizon,
    grade: total.grade,
    overallScore: format.score(total.overallScore),
    eal: format.loss(total.ealFraction, total.ealAmount),
    loss100: format.loss(total.loss100Fraction, total.loss100Amount),
    ...(showChange ? { ealChangeFromBaseline: formatChange(total.ealFraction / baseEal - 1) } : {}),
    globalWarmingC: format.celsius(scenario.gwlC),
    localWarmingC: format.warming(scenario.localWarmingC),
    seaLevelRiseM: format.metres(scenario.slrM),
    ...(hotDays ? { hotDays: format.days(hotDays.value) } : {}),
    topHazards: topHazards(scenario).map((h) => hazardFacts(h, format)),
  };
}

/** Picks and formats the figures a narrative may quote, in the report's language. */
export function selectFacts(analysis: RiskAnalysis, input: AnalysisInput): SelectedFacts {
  const language = input.language;
  const format = figureFormat(analysis, language);
  const { baseline, future } = selectScenarios(analysis);
  const { building, location } = input;
  const facts: NarrativeFacts = {
    language,
    currency: analysis.currency,
    insuredValue: format.money(analysis.assetValue),
    building: {
      ...(building.name ? { name: building.name } : {}),
      ...(location.address ? { address: location.address } : {}),
      occupancy: building.occupancy,
      structure: building.structure,
      ...(building.yearBuilt !== undefined ? { yearBuilt: building.yearBuilt } : {}),
      floorsAboveGround: building.floorsAboveGround,
      basementFloors: building.basementFloors,
    },
    definitions: {
      grades: 'A (lowest risk) to E (highest risk)',
      scores: '0–100, higher is riskier',
      baselinePeriod: BASELINE_PERIOD,
      returnPeriodYears: RETURN_PERIOD_YEARS,
      hotDayThresholdC: HOT_DAY_THRESHOLD_C,
    },
    scenarios: [...(baseline ? [baseline] : []), ...future].map((s) => scenarioFacts(s, baseline, format)),
    recommendations: sortedRecommendations(analysis).map(({ priority, hazard, title, description }) => ({
      priority,
      hazard,
      title,
      description,
    })),
  };
  return { facts, allowed: new AllowedFigures().addAll(facts) };
}
