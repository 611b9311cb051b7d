/**
 * The analysis vocabulary (scenarios, hazards, building classes, result bands) as GraphQL enums.
 * Values come from the domain's own lists, so the schema cannot drift from what the analyzer accepts.
 */
import { HAZARDS, LANGUAGES, OCCUPANCIES, SCENARIOS, STRUCTURES } from '../../analysis/input.js';
import type { Scenario as ScenarioValue } from '../../analysis/input.js';
import { CATEGORIES, GRADES } from '../../analysis/result.js';
import type { HazardKind as HazardKindValue, NarrativeSource as NarrativeSourceValue, Priority as PriorityValue } from '../../analysis/result.js';
import { builder } from '../builder.js';

const SCENARIO_VALUES: readonly ScenarioValue[] = ['HISTORICAL', ...SCENARIOS];
const HAZARD_KINDS: readonly HazardKindValue[] = ['ACUTE', 'CHRONIC'];
const PRIORITIES: readonly PriorityValue[] = ['HIGH', 'MEDIUM', 'LOW'];
const NARRATIVE_SOURCES: readonly NarrativeSourceValue[] = ['LLM', 'TEMPLATE'];

export const Scenario = builder.enumType('Scenario', {
  description:
    'Climate scenario: HISTORICAL is the 1995–2014 baseline (always reported, not requestable); the SSPs are IPCC AR6 pathways.',
  values: SCENARIO_VALUES,
});

export const Hazard = builder.enumType('Hazard', {
  description: 'A physical climate hazard the analyzer assesses.',
  values: HAZARDS,
});

export const Occupancy = builder.enumType('Occupancy', {
  description: 'What the building is used for; it selects the damage and disruption curves.',
  values: OCCUPANCIES,
});

export const Structure = builder.enumType('Structure', {
  description: 'The main structural system of the building.',
  values: STRUCTURES,
});

export const Language = builder.enumType('Language', {
  description: 'Language of the narrative.',
  values: LANGUAGES,
});

export const Category = builder.enumType('Category', {
  description: 'Risk band of a hazard (physrisk categories); NO_DATA and NO_VULNERABILITY say why no band applies.',
  values: CATEGORIES,
});

export const Grade = builder.enumType('Grade', {
  description: 'Overall grade of a scenario, A (lowest risk) to E (highest).',
  values: GRADES,
});

export const HazardKind = builder.enumType('HazardKind', {
  description: 'ACUTE hazards cause damage events (losses); CHRONIC hazards erode working time or revenue (disruption).',
  values: HAZARD_KINDS,
});

export const Priority = builder.enumType('Priority', {
  description: 'How urgent an adaptation measure is.',
  values: PRIORITIES,
});

export const NarrativeSource = builder.enumType('NarrativeSource', {
  description: 'Who wrote the narrative: the LLM, or the built-in template when no LLM was available.',
  values: NARRATIVE_SOURCES,
});
