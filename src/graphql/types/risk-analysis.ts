/**
 * RiskAnalysis: the analyzer's whole result as typed fields (names as in src/analysis/result.ts).
 */
import type {
  DataQuality as DataQualityShape,
  Narrative as NarrativeShape,
  Recommendation as RecommendationShape,
  RiskAnalysis as RiskAnalysisShape,
} from '../../analysis/result.js';
import { builder } from '../builder.js';
import { Hazard, Language, NarrativeSource, Priority } from './analysis-enums.js';
import { ScenarioResult } from './scenario-result.js';

export const DataQuality = builder.objectRef<DataQualityShape>('DataQuality').implement({
  description: 'Where the climate data came from and what was assumed.',
  fields: (t) => ({
    regions: t.exposeStringList('regions', { description: 'Regions of the climate table used for this site, nearest first.' }),
    nearestKm: t.exposeFloat('nearestKm', { description: 'Distance to the nearest region used, km.' }),
    proxies: t.exposeStringList('proxies', { description: 'Every assumption made for a missing input or a missing region.' }),
  }),
});

export const Recommendation = builder.objectRef<RecommendationShape>('Recommendation').implement({
  description: 'An adaptation measure for one hazard.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable id of the measure.' }),
    hazard: t.expose('hazard', { type: Hazard, description: 'The hazard it reduces.' }),
    priority: t.expose('priority', { type: Priority }),
    title: t.exposeString('title', { description: 'Short name, in the report language.' }),
    description: t.exposeString('description', { description: 'What to do and why, in the report language.' }),
  }),
});

export const Narrative = builder.objectRef<NarrativeShape>('Narrative').implement({
  description: 'The written explanation of the analysis.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The whole narrative as one text (summary, key risks, actions).' }),
    summary: t.exposeString('summary', { description: 'A few sentences on the overall risk.' }),
    keyRisks: t.exposeStringList('keyRisks', { description: 'The main risks, one sentence each.' }),
    actions: t.exposeStringList('actions', { description: 'Recommended actions, one sentence each.' }),
    source: t.expose('source', { type: NarrativeSource, description: 'LLM, or TEMPLATE when no LLM was available.' }),
    language: t.expose('language', { type: Language }),
    model: t.exposeString('model', { nullable: true, description: 'The model that wrote it; null for the template.' }),
  }),
});

export const RiskAnalysis = builder.objectRef<RiskAnalysisShape>('RiskAnalysis').implement({
  description: 'The physical climate-risk analysis of a completed report.',
  fields: (t) => ({
    methodologyVersion: t.exposeString('methodologyVersion', { description: 'Version of the method (METHODOLOGY.md) that produced the figures.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 currency of every amount.' }),
    assetValue: t.exposeFloat('assetValue', { description: 'Insured value: building value plus contents value.' }),
    dataQuality: t.expose('dataQuality', { type: DataQuality, description: 'Where the data came from and what was assumed.' }),
    scenarios: t.expose('scenarios', {
      type: [ScenarioResult],
      description: 'The historical baseline first, then each requested scenario × horizon.',
    }),
    recommendations: t.expose('recommendations', { type: [Recommendation], description: 'Adaptation measures, most urgent first.' }),
    narrative: t.expose('narrative', {
      type: Narrative,
      nullable: true,
      description: 'null when the narrative was not requested.',
    }),
  }),
});
