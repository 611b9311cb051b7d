/**
 * What a client sends to create a report (CreateReportInput) and the stored, defaulted copy a report
 * shows back (ReportInput).
 *
 * The rules live in src/analysis/input.ts only: these types leave optional whatever that schema
 * defaults, and the descriptions quote its LIMITS so the documentation cannot drift from the checks.
 */
import { HAZARDS, HORIZONS, LIMITS, SCENARIOS } from '../../analysis/input.js';
import type { AnalysisInput } from '../../analysis/input.js';
import { builder } from '../builder.js';
import { Hazard, Language, Occupancy, Scenario, Structure } from './analysis-enums.js';

const TEXT = `At most ${LIMITS.textLength} characters.`;
const DISTANCE = `Between ${LIMITS.distanceKm.min} and ${LIMITS.distanceKm.max} km.`;
const MONEY = `At most ${LIMITS.money.max}.`;

const describe = {
  latitude: 'WGS 84 latitude in degrees, between -90 and 90.',
  longitude: 'WGS 84 longitude in degrees, between -180 and 180.',
  address: `Street address, for the report only. ${TEXT}`,
  elevationM: `Ground elevation above mean sea level, m, between ${LIMITS.elevationM.min} and ${LIMITS.elevationM.max}. Estimated from the region when absent.`,
  distanceToCoastKm: `Distance to the nearest coast. ${DISTANCE} Estimated from the region when absent.`,
  distanceToRiverKm: `Distance to the nearest river. ${DISTANCE} Estimated from the region when absent.`,
  name: `Name of the building. ${TEXT}`,
  occupancy: 'What the building is used for. Default COMMERCIAL.',
  structure: 'Main structural system. Default REINFORCED_CONCRETE.',
  // The upper bound moves with the calendar; quoting it would make the printed schema change every year.
  yearBuilt: `Year of construction, whole number from ${LIMITS.yearBuilt.min} to ten years from now.`,
  floorsAboveGround: `Floors above ground, whole number between ${LIMITS.floorsAboveGround.min} and ${LIMITS.floorsAboveGround.max}. Default 5.`,
  basementFloors: `Floors below ground, whole number between ${LIMITS.basementFloors.min} and ${LIMITS.basementFloors.max}. Default 0.`,
  firstFloorHeightM: `Height of the first floor above the ground, m, between ${LIMITS.firstFloorHeightM.min} and ${LIMITS.firstFloorHeightM.max}. Default 0.3.`,
  grossFloorAreaM2: `Gross floor area, m², between 1 and ${LIMITS.grossFloorAreaM2.max}.`,
  value: `Value of the building, greater than 0. ${MONEY}`,
  currency: 'ISO 4217 code of every amount, e.g. KRW, USD or EUR. Default KRW.',
  contentsValue: `Value of the contents, 0 or more. ${MONEY} Default 0.`,
  annualRevenue: `Yearly revenue earned in the building, 0 or more; turns disruption fractions into amounts. ${MONEY}`,
  scenarios: `Climate scenarios to assess (${SCENARIOS.join(', ')}), without repeats; absent or empty means all. The historical baseline is always included.`,
  horizons: `Target years (${HORIZONS.join(', ')}), without repeats; absent or empty means all.`,
  hazards: `Hazards to assess (${HAZARDS.join(', ')}), without repeats; absent or empty means all.`,
  simulationYears: `Monte-Carlo years, whole number between ${LIMITS.simulationYears.min} and ${LIMITS.simulationYears.max}. Default ${LIMITS.simulationYears.default}.`,
  includeNarrative: 'Whether to write a narrative (LLM, or the template when no LLM is configured). Default true.',
  timeoutSeconds:
    'Deadline of the report in seconds from its creation, queue time included: whole number from 1 to the server\'s MAX_TIMEOUT_SECONDS (600 unless configured). Default: the server\'s REPORT_TIMEOUT_SECONDS (60 unless configured).',
} as const;

// ---- input ----

export const LocationInput = builder.inputType('LocationInput', {
  description: 'Where the asset is.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: describe.latitude }),
    longitude: t.float({ required: true, description: describe.longitude }),
    address: t.string({ description: describe.address }),
    elevationM: t.float({ description: describe.elevationM }),
    distanceToCoastKm: t.float({ description: describe.distanceToCoastKm }),
    distanceToRiverKm: t.float({ description: describe.distanceToRiverKm }),
  }),
});

export const BuildingInput = builder.inputType('BuildingInput', {
  description: 'The building; every field has a default or is optional.',
  fields: (t) => ({
    name: t.string({ description: describe.name }),
    occupancy: t.field({ type: Occupancy, description: describe.occupancy }),
    structure: t.field({ type: Structure, description: describe.structure }),
    yearBuilt: t.int({ description: describe.yearBuilt }),
    floorsAboveGround: t.int({ description: describe.floorsAboveGround }),
    basementFloors: t.int({ description: describe.basementFloors }),
    firstFloorHeightM: t.float({ description: describe.firstFloorHeightM }),
    grossFloorAreaM2: t.float({ description: describe.grossFloorAreaM2 }),
  }),
});

export const AssetInput = builder.inputType('AssetInput', {
  description: 'What is at risk, in one currency.',
  fields: (t) => ({
    value: t.float({ required: true, description: describe.value }),
    currency: t.string({ description: describe.currency }),
    contentsValue: t.float({ description: describe.contentsValue }),
    annualRevenue: t.float({ description: describe.annualRevenue }),
  }),
});

export const AnalysisParamsInput = builder.inputType('AnalysisParamsInput', {
  description: 'What to analyse and how long to wait for it.',
  fields: (t) => ({
    scenarios: t.field({ type: [Scenario], description: describe.scenarios }),
    horizons: t.intList({ description: describe.horizons }),
    hazards: t.field({ type: [Hazard], description: describe.hazards }),
    simulationYears: t.int({ description: describe.simulationYears }),
    includeNarrative: t.boolean({ description: describe.includeNarrative }),
    timeoutSeconds: t.int({ description: describe.timeoutSeconds }),
  }),
});

export const CreateReportInput = builder.inputType('CreateReportInput', {
  description: 'A request for a climate-risk report.',
  fields: (t) => ({
    location: t.field({ type: LocationInput, required: true, description: 'Where the asset is.' }),
    building: t.field({ type: BuildingInput, description: 'Defaults apply to whatever is left out.' }),
    asset: t.field({ type: AssetInput, required: true, description: 'What is at risk.' }),
    params: t.field({ type: AnalysisParamsInput, description: 'Defaults: all scenarios, horizons and hazards.' }),
    language: t.field({ type: Language, defaultValue: 'KO', description: 'Language of the narrative.' }),
    idempotencyKey: t.string({
      description: 'Retries with the same key (per tenant) return the first report instead of starting another. 1 to 255 characters.',
    }),
  }),
});

// ---- output: the stored input, with every default filled in ----

export type ReportInputShape = Omit<AnalysisInput, 'params'> & {
  params: AnalysisInput['params'] & { timeoutSeconds: number };
};

const Location = builder.objectRef<ReportInputShape['location']>('Location').implement({
  description: 'Where the asset is, as given.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: describe.latitude }),
    longitude: t.exposeFloat('longitude', { description: describe.longitude }),
    address: t.exposeString('address', { nullable: true, description: describe.address }),
    elevationM: t.exposeFloat('elevationM', { nullable: true, description: 'As given; null when estimated.' }),
    distanceToCoastKm: t.exposeFloat('distanceToCoastKm', { nullable: true, description: 'As given; null when estimated.' }),
    distanceToRiverKm: t.exposeFloat('distanceToRiverKm', { nullable: true, description: 'As given; null when estimated.' }),
  }),
});

const Building = builder.objectRef<ReportInputShape['building']>('Building').implement({
  description: 'The building, defaults filled in.',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: describe.name }),
    occupancy: t.expose('occupancy', { type: Occupancy, description: describe.occupancy }),
    structure: t.expose('structure', { type: Structure, description: describe.structure }),
    yearBuilt: t.exposeInt('yearBuilt', { nullable: true, description: describe.yearBuilt }),
    floorsAboveGround: t.exposeInt('floorsAboveGround', { description: describe.floorsAboveGround }),
    basementFloors: t.exposeInt('basementFloors', { description: describe.basementFloors }),
    firstFloorHeightM: t.exposeFloat('firstFloorHeightM', { description: describe.firstFloorHeightM }),
    grossFloorAreaM2: t.exposeFloat('grossFloorAreaM2', { nullable: true, description: describe.grossFloorAreaM2 }),
  }),
});

const Asset = builder.objectRef<ReportInputShape['asset']>('Asset').implement({
  description: 'What is at risk, defaults filled in.',
  fields: (t) => ({
    value: t.exposeFloat('value', { description: describe.value }),
    currency: t.exposeString('currency', { description: describe.currency }),
    contentsValue: t.exposeFloat('contentsValue', { description: describe.contentsValue }),
    annualRevenue: t.exposeFloat('annualRevenue', { nullable: true, description: describe.annualRevenue }),
  }),
});

const AnalysisParams = builder.objectRef<ReportInputShape['params']>('AnalysisParams').implement({
  description: 'What was analysed, defaults filled in.',
  fields: (t) => ({
    scenarios: t.expose('scenarios', { type: [Scenario], description: describe.scenarios }),
    horizons: t.exposeIntList('horizons', { description: describe.horizons }),
    hazards: t.expose('hazards', { type: [Hazard], description: describe.hazards }),
    simulationYears: t.exposeInt('simulationYears', { description: describe.simulationYears }),
    includeNarrative: t.exposeBoolean('includeNarrative', { description: describe.includeNarrative }),
    timeoutSeconds: t.exposeInt('timeoutSeconds', { description: 'Seconds from creation to the deadline.' }),
  }),
});

export const ReportInput = builder.objectRef<ReportInputShape>('ReportInput').implement({
  description: 'The input of a report as stored: validated, with every default filled in.',
  fields: (t) => ({
    location: t.expose('location', { type: Location, description: 'Where the asset is.' }),
    building: t.expose('building', { type: Building, description: 'The building.' }),
    asset: t.expose('asset', { type: Asset, description: 'What is at risk.' }),
    params: t.expose('params', { type: AnalysisParams, description: 'What was analysed.' }),
    language: t.expose('language', { type: Language, description: 'Language of the narrative.' }),
  }),
});

// ---- translation ----

/** `T` with every `null` removed: nullable fields become optional, required ones stay required. */
type WithoutNulls<T> = T extends readonly (infer Item)[]
  ? WithoutNulls<Item>[]
  : T extends object
    ? { [K in keyof T as null extends T[K] ? never : K]: WithoutNulls<T[K]> } & {
        [K in keyof T as null extends T[K] ? K : never]?: WithoutNulls<Exclude<T[K], null>>;
      }
    : T;

/**
 * GraphQL says `null` where the analysis schema expects an absent field; dropping the nulls lets the
 * analysis schema apply its defaults and checks as if the field had been left out.
 */
export function withoutNulls<T>(value: T): WithoutNulls<T> {
  if (Array.isArray(value)) return value.map(withoutNulls) as WithoutNulls<T>;
  if (value === null || typeof value !== 'object') return value as WithoutNulls<T>;
  // A plain object built field by field: GraphQL hands over null-prototype objects, which V8 keeps in
  // slow dictionary mode, and every later read (the zod schema reads each field) would pay for it.
  const copy: Record<string, unknown> = {};
  for (const name in value) {
    const field = (value as Record<string, unknown>)[name];
    if (field !== null && field !== undefined) copy[name] = withoutNulls(field);
  }
  return copy as WithoutNulls<T>;
}
