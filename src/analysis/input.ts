/**
 * What the analyzer accepts, validated in one place.
 *
 * The schema is the single source of truth for rules and defaults: the GraphQL edge maps its issues to
 * BAD_USER_INPUT errors with field paths, and the worker receives only inputs that passed it.
 */
import { z } from 'zod';

export const SCENARIOS = ['SSP1_2_6', 'SSP2_4_5', 'SSP5_8_5'] as const;
export type FutureScenario = (typeof SCENARIOS)[number];
export type Scenario = 'HISTORICAL' | FutureScenario;

export const HORIZONS = [2030, 2050, 2100] as const;
export type Horizon = (typeof HORIZONS)[number];

export const HAZARDS = [
  'COASTAL_FLOOD',
  'RIVER_FLOOD',
  'PLUVIAL_FLOOD',
  'TYPHOON_WIND',
  'EXTREME_HEAT',
  'DROUGHT',
  'WILDFIRE',
  'SEA_LEVEL_RISE',
] as const;
export type Hazard = (typeof HAZARDS)[number];

export const OCCUPANCIES = ['RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];

export const STRUCTURES = ['REINFORCED_CONCRETE', 'STEEL', 'MASONRY', 'TIMBER'] as const;
export type Structure = (typeof STRUCTURES)[number];

export const LANGUAGES = ['KO', 'EN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Bounds that a caller may rely on (the GraphQL docs quote them). */
export const LIMITS = {
  simulationYears: { min: 1_000, max: 10_000_000, default: 10_000 },
  // The tallest building today has 163 floors; 200 leaves room and still rejects typos like 300.
  floorsAboveGround: { min: 1, max: 200 },
  basementFloors: { min: 0, max: 20 },
  firstFloorHeightM: { min: 0, max: 10 },
  // Lowest dry land (Dead Sea shore, -430 m) to above the highest cities (La Rinconada, ~5,100 m).
  elevationM: { min: -450, max: 6_000 },
  distanceKm: { min: 0, max: 20_000 },
  // Keeps amounts exact in float64 arithmetic (below 2^53) whatever the currency.
  money: { max: 1e15 },
  grossFloorAreaM2: { max: 5_000_000 },
  yearBuilt: { min: 1000, max: new Date().getUTCFullYear() + 10 },
  textLength: 500,
} as const;

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

const required = (what: string, kind: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `${what} is required` : `${what} must be ${kind}`;

const finite = (what: string) =>
  z.number({ error: (issue) => (Number.isNaN(issue.input) ? `${what} must be a finite number` : required(what, 'a number')(issue)) })
    .refine(Number.isFinite, { message: `${what} must be a finite number`, abort: true });

const money = (what: string, min: { value: number; inclusive: boolean } = { value: 0, inclusive: true }) =>
  finite(what)
    .refine((v) => (min.inclusive ? v >= min.value : v > min.value), {
      message: min.inclusive ? `${what} must not be negative` : `${what} must be greater than ${min.value}`,
      abort: true,
    })
    .refine((v) => v <= LIMITS.money.max, { message: `${what} must be at most ${LIMITS.money.max}` });

const bounded = (what: string, min: number, max: number, unit = '') =>
  finite(what).refine((v) => v >= min && v <= max, {
    message: `${what} must be between ${min} and ${max}${unit}`,
    abort: true,
  });

const integer = (what: string, min: number, max: number) =>
  bounded(what, min, max).refine(Number.isInteger, { message: `${what} must be a whole number` });

const text = (what: string) =>
  z.string().trim().max(LIMITS.textLength, { message: `${what} must be at most ${LIMITS.textLength} characters` });

/** A non-empty list of distinct values; an empty or absent list means "all". */
const subset = <T extends readonly (string | number)[]>(what: string, all: T) =>
  z
    .array(
      z.custom<T[number]>((v) => all.includes(v as T[number]), { error: `${what} may only contain ${all.join(', ')}` }),
      { error: required(what, `a list of ${all.join(', ')}`) },
    )
    .refine((list) => new Set(list).size === list.length, { message: `${what} must not repeat a value` })
    .optional()
    .transform((list): T[number][] => (list && list.length > 0 ? list : [...all]));

const section = <S extends z.ZodRawShape>(what: string, shape: S) => z.object(shape, { error: required(what, 'an object') });

export const LocationSchema = section('location', {
  latitude: bounded('latitude', -90, 90, ' degrees'),
  longitude: bounded('longitude', -180, 180, ' degrees'),
  address: text('address').optional(),
  elevationM: bounded('elevationM', LIMITS.elevationM.min, LIMITS.elevationM.max, ' m').optional(),
  distanceToCoastKm: bounded('distanceToCoastKm', LIMITS.distanceKm.min, LIMITS.distanceKm.max, ' km').optional(),
  distanceToRiverKm: bounded('distanceToRiverKm', LIMITS.distanceKm.min, LIMITS.distanceKm.max, ' km').optional(),
});

export const BuildingSchema = section('building', {
  name: text('name').optional(),
  occupancy: z.enum(OCCUPANCIES, { error: `occupancy must be one of ${OCCUPANCIES.join(', ')}` }).default('COMMERCIAL'),
  structure: z.enum(STRUCTURES, { error: `structure must be one of ${STRUCTURES.join(', ')}` }).default('REINFORCED_CONCRETE'),
  yearBuilt: integer('yearBuilt', LIMITS.yearBuilt.min, LIMITS.yearBuilt.max).optional(),
  floorsAboveGround: integer('floorsAboveGround', LIMITS.floorsAboveGround.min, LIMITS.floorsAboveGround.max).default(5),
  basementFloors: integer('basementFloors', LIMITS.basementFloors.min, LIMITS.basementFloors.max).default(0),
  // 0.3 m is physrisk's default first-floor height (0.305 m, one foot).
  firstFloorHeightM: bounded('firstFloorHeightM', LIMITS.firstFloorHeightM.min, LIMITS.firstFloorHeightM.max, ' m').default(0.3),
  grossFloorAreaM2: bounded('grossFloorAreaM2', 1, LIMITS.grossFloorAreaM2.max, ' m²').optional(),
});

export const AssetSchema = section('asset', {
  value: money('value', { value: 0, inclusive: false }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => ISO_4217.has(c), { message: 'currency must be an ISO 4217 code such as KRW, USD or EUR' })
    .default('KRW'),
  contentsValue: money('contentsValue').default(0),
  annualRevenue: money('annualRevenue').optional(),
});

export const ParamsSchema = section('params', {
  scenarios: subset('scenarios', SCENARIOS),
  horizons: subset('horizons', HORIZONS),
  hazards: subset('hazards', HAZARDS),
  simulationYears: integer('simulationYears', LIMITS.simulationYears.min, LIMITS.simulationYears.max).default(
    LIMITS.simulationYears.default,
  ),
  includeNarrative: z.boolean({ error: 'includeNarrative must be true or false' }).default(true),
});

export const AnalysisInputSchema = z.object({
  location: LocationSchema,
  building: BuildingSchema.default(() => BuildingSchema.parse({})),
  asset: AssetSchema,
  params: ParamsSchema.default(() => ParamsSchema.parse({})),
  language: z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(', ')}` }).default('KO'),
});

/** A validated input with every default filled in. */
export type AnalysisInput = z.output<typeof AnalysisInputSchema>;
/** What a caller may send: optional fields may be left out. */
export type AnalysisInputDraft = z.input<typeof AnalysisInputSchema>;

export interface InputIssue {
  /** Dotted path of the offending field, e.g. `location.latitude`. */
  path: string;
  message: string;
}

export class InvalidInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(`Invalid analysis input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** Validates and fills defaults; throws {@link InvalidInputError} naming every bad field. */
export function parseAnalysisInput(raw: unknown): AnalysisInput {
  const parsed = AnalysisInputSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(toInputIssues(parsed.error));
  return parsed.data;
}
