/**
 * One scenario × horizon of the analysis: per-hazard results and the combined totals.
 * Field names are those of src/analysis/result.ts, one to one.
 */
import type {
  Disruption as DisruptionShape,
  HazardResult as HazardResultShape,
  Indicator as IndicatorShape,
  Loss as LossShape,
  ScenarioResult as ScenarioResultShape,
  ScenarioTotal as ScenarioTotalShape,
  SimulationStats as SimulationStatsShape,
} from '../../analysis/result.js';
import { builder } from '../builder.js';
import { Category, Grade, Hazard, HazardKind, Scenario } from './analysis-enums.js';

export const Indicator = builder.objectRef<IndicatorShape>('Indicator').implement({
  description: 'The hazard measure behind a score, with its historical baseline for comparison.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable id of the measure, e.g. `days_tmax_ge_33c`.' }),
    value: t.exposeFloat('value', { description: 'Value under this scenario and horizon.' }),
    unit: t.exposeString('unit', { description: 'Unit of value and baseline, e.g. `days/yr` or `m`.' }),
    baseline: t.exposeFloat('baseline', { description: 'The same measure under the historical baseline.' }),
  }),
});

export const Loss = builder.objectRef<LossShape>('Loss').implement({
  description: 'A loss as a fraction of the insured value and as an amount in the report currency.',
  fields: (t) => ({
    fraction: t.exposeFloat('fraction', { description: 'Fraction of the insured value, 0..1.' }),
    amount: t.exposeFloat('amount', { description: 'fraction × assetValue, in the report currency.' }),
  }),
});

export const Disruption = builder.objectRef<DisruptionShape>('Disruption').implement({
  description: 'Working time or revenue lost per year to a chronic hazard.',
  fields: (t) => ({
    fraction: t.exposeFloat('fraction', { description: 'Fraction of working time or revenue lost per year, 0..1.' }),
    amount: t.exposeFloat('amount', {
      nullable: true,
      description: 'fraction × annualRevenue; null when the revenue is unknown.',
    }),
  }),
});

export const HazardResult = builder.objectRef<HazardResultShape>('HazardResult').implement({
  description: 'The assessment of one hazard under one scenario and horizon.',
  fields: (t) => ({
    hazard: t.expose('hazard', { type: Hazard }),
    kind: t.expose('kind', { type: HazardKind, description: 'ACUTE (loss events) or CHRONIC (disruption).' }),
    indicator: t.expose('indicator', { type: Indicator, description: 'The measure the score is based on.' }),
    hazardScore: t.exposeFloat('hazardScore', {
      description: '0–100 exposure score of the hazard itself, before protection and vulnerability.',
    }),
    category: t.expose('category', {
      type: Category,
      description: 'Band of the loss (acute hazards) or of the disruption (chronic hazards).',
    }),
    eal: t.expose('eal', { type: Loss, nullable: true, description: 'Expected annual loss; null for chronic hazards.' }),
    loss100: t.expose('loss100', {
      type: Loss,
      nullable: true,
      description: 'Loss exceeded once in 100 years; null for chronic hazards.',
    }),
    disruption: t.expose('disruption', {
      type: Disruption,
      nullable: true,
      description: 'Yearly disruption; null for acute hazards.',
    }),
  }),
});

export const SimulationStats = builder.objectRef<SimulationStatsShape>('SimulationStats').implement({
  description: 'How precise the Monte-Carlo totals are.',
  fields: (t) => ({
    years: t.exposeInt('years', { description: 'Simulated years.' }),
    meanFraction: t.exposeFloat('meanFraction', { description: 'Monte-Carlo mean of the combined annual loss fraction.' }),
    meanStdError: t.exposeFloat('meanStdError', { description: 'Standard error of meanFraction.' }),
    loss100StdError: t.exposeFloat('loss100StdError', { description: 'Standard error of loss100Fraction.' }),
    loss250StdError: t.exposeFloat('loss250StdError', { description: 'Standard error of loss250Fraction.' }),
  }),
});

export const ScenarioTotal = builder.objectRef<ScenarioTotalShape>('ScenarioTotal').implement({
  description: 'All hazards of a scenario combined.',
  fields: (t) => ({
    ealFraction: t.exposeFloat('ealFraction', {
      description: 'Expected annual loss of all acute hazards combined (independent hazards: 1 − Π(1 − EAL_h)).',
    }),
    ealAmount: t.exposeFloat('ealAmount', { description: 'ealFraction × assetValue, in the report currency.' }),
    loss100Fraction: t.exposeFloat('loss100Fraction', {
      description: 'Combined annual loss exceeded once in 100 years, from the simulation.',
    }),
    loss100Amount: t.exposeFloat('loss100Amount', { description: 'loss100Fraction × assetValue.' }),
    loss250Fraction: t.exposeFloat('loss250Fraction', {
      description: 'Combined annual loss exceeded once in 250 years, from the simulation.',
    }),
    loss250Amount: t.exposeFloat('loss250Amount', { description: 'loss250Fraction × assetValue.' }),
    overallScore: t.exposeFloat('overallScore', { description: 'Overall risk score, 0–100.' }),
    grade: t.expose('grade', { type: Grade, description: 'Overall grade, from the combined expected annual loss.' }),
    simulation: t.expose('simulation', { type: SimulationStats, description: 'Precision of the Monte-Carlo figures.' }),
  }),
});

export const ScenarioResult = builder.objectRef<ScenarioResultShape>('ScenarioResult').implement({
  description: 'The analysis under one scenario and horizon.',
  fields: (t) => ({
    scenario: t.expose('scenario', { type: Scenario, description: 'HISTORICAL for the 1995–2014 baseline.' }),
    horizon: t.exposeInt('horizon', { nullable: true, description: 'Year; null for the historical baseline (1995–2014).' }),
    gwlC: t.exposeFloat('gwlC', { description: 'Global warming level, °C above 1850–1900.' }),
    localWarmingC: t.exposeFloat('localWarmingC', { description: 'Local warming of the site, °C above 1995–2014.' }),
    slrM: t.exposeFloat('slrM', { description: 'Global mean sea-level rise, m above 1995–2014.' }),
    hazards: t.expose('hazards', { type: [HazardResult], description: 'One entry per assessed hazard.' }),
    total: t.expose('total', { type: ScenarioTotal, description: 'All hazards combined.' }),
  }),
});
