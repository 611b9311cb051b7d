/**
 * What we assume where the regional table has no city within reach: one climate per latitude band,
 * plus a coarse map of the tropical-cyclone belts so that an island far from our cities still meets
 * its hurricanes. Deliberately plain values [A]; every use is reported in `dataQuality.proxies`.
 */
import type { CycloneBasin, RegionClimate } from './region.js';

export type LatitudeBand = 'tropical' | 'subtropical' | 'temperate' | 'subpolar' | 'polar';

/** Upper |latitude| of each band: the tropics and polar circles, and the usual 35° and 55° breaks. */
const BAND_EDGES: readonly (readonly [LatitudeBand, number])[] = [
  ['tropical', 23.44],
  ['subtropical', 35],
  ['temperate', 55],
  ['subpolar', 66.56],
  ['polar', 90],
];

export function latitudeBand(latitude: number): LatitudeBand {
  const abs = Math.abs(latitude);
  return BAND_EDGES.find(([, edge]) => abs <= edge)?.[0] ?? 'polar';
}

/** Site-specific fields the user is expected to supply; the analyzer reports when they did not. */
const UNKNOWN_SITE = { elevationM: 50, coastKm: 50 } as const;

type BandClimate = Omit<RegionClimate, 'elevationM' | 'coastKm' | 'windRegime' | 'cycloneBasin'>;

/**
 * Band climates, monthly maxima written for the northern hemisphere. Each row is a rough median of
 * the table's cities in that band, leaning to the cautious side where the spread is wide.
 */
const BANDS: Record<LatitudeBand, BandClimate> = {
  // Humid lowland tropics (Singapore, Lagos, Manila): flat year, hot days common, heavy downpours,
  // weak drainage and defences; tropical coasts warm less than land.
  tropical: {
    tmaxMonthlyC: [30.5, 31, 32, 32.5, 32.5, 31.5, 30.5, 30.5, 31, 31, 30.5, 30],
    days33: 40, summerRhPct: 78, warmingFactor: 1.1,
    rain100MmPerH: 120, drainageDesignMmPerH: 40, river100DepthM: 1, riverProtectionRp: 10,
    esl100M: 1.6, mhhwM: 0.6, subsidenceMmPerYr: 1, coastalProtectionRp: 0,
    windV0Ms: 24, waterStress: 2, droughtMonthsPerYear: 0.25, wildfireAnnualProb: 5e-5,
  },
  // Between humid east coasts (Shanghai, Houston) and deserts (Riyadh, Phoenix): hot summers, moderate
  // humidity, water-stressed more often than not.
  subtropical: {
    tmaxMonthlyC: [18, 20, 23, 27, 31, 34, 35, 35, 32, 28, 23, 19],
    days33: 70, summerRhPct: 55, warmingFactor: 1.3,
    rain100MmPerH: 80, drainageDesignMmPerH: 30, river100DepthM: 1, riverProtectionRp: 10,
    esl100M: 1.8, mhhwM: 0.6, subsidenceMmPerYr: 1, coastalProtectionRp: 0,
    windV0Ms: 26, waterStress: 3, droughtMonthsPerYear: 0.35, wildfireAnnualProb: 1e-4,
  },
  // Mid-latitudes (Paris, Chicago, Seoul's latitude without the monsoon): warm summers, few hot days,
  // land warming ~1.5× global.
  temperate: {
    tmaxMonthlyC: [4, 6, 11, 16, 21, 25, 27, 27, 22, 16, 10, 5],
    days33: 5, summerRhPct: 68, warmingFactor: 1.5,
    rain100MmPerH: 60, drainageDesignMmPerH: 30, river100DepthM: 1, riverProtectionRp: 50,
    esl100M: 2, mhhwM: 0.8, subsidenceMmPerYr: 0.5, coastalProtectionRp: 0,
    windV0Ms: 26, waterStress: 2, droughtMonthsPerYear: 0.3, wildfireAnnualProb: 5e-5,
  },
  // Boreal (Helsinki, Anchorage, Yakutsk): long winters, no heat hazard, boreal-forest fires, strong
  // amplification of warming.
  subpolar: {
    tmaxMonthlyC: [-5, -4, 1, 8, 15, 19, 22, 20, 14, 7, 0, -4],
    days33: 0, summerRhPct: 72, warmingFactor: 1.8,
    rain100MmPerH: 35, drainageDesignMmPerH: 15, river100DepthM: 1, riverProtectionRp: 25,
    esl100M: 2, mhhwM: 0.8, subsidenceMmPerYr: 0, coastalProtectionRp: 0,
    windV0Ms: 28, waterStress: 0, droughtMonthsPerYear: 0.2, wildfireAnnualProb: 1e-4,
  },
  // Arctic and Antarctic coasts: cold, windy, Arctic amplification ~2× global.
  polar: {
    tmaxMonthlyC: [-20, -20, -16, -8, 1, 8, 12, 9, 3, -6, -14, -18],
    days33: 0, summerRhPct: 75, warmingFactor: 2,
    rain100MmPerH: 20, drainageDesignMmPerH: 10, river100DepthM: 0.5, riverProtectionRp: 0,
    esl100M: 2, mhhwM: 0.8, subsidenceMmPerYr: 0, coastalProtectionRp: 0,
    windV0Ms: 30, waterStress: 0, droughtMonthsPerYear: 0.15, wildfireAnnualProb: 1e-5,
  },
};

/**
 * Tropical-cyclone belts, first match wins; longitudes west-negative. Kept to coasts and seas that
 * cyclones actually cross (a box over central India or inland Australia would invent hurricanes), and
 * named by the Eberenz et al. (2021) region of the countries inside.
 */
const CYCLONE_BELTS: readonly { basin: CycloneBasin; lat: readonly [number, number]; lon: readonly [number, number] }[] = [
  { basin: 'WP4', lat: [21.8, 25.4], lon: [119.9, 122.1] }, // Taiwan
  { basin: 'WP3', lat: [18, 24], lon: [108, 118] }, // Guangxi–Guangdong–Hainan coast
  { basin: 'WP3', lat: [24, 32], lon: [117, 123] }, // Fujian–Zhejiang–Shanghai coast
  { basin: 'WP2', lat: [5, 21], lon: [116, 127] }, // Philippines
  { basin: 'WP4', lat: [24, 42], lon: [123, 146] }, // Ryukyu, Korea, Japan
  { basin: 'WP1', lat: [8, 22], lon: [105.5, 110] }, // Vietnam coast
  { basin: 'OC', lat: [5, 25], lon: [130, 180] }, // Micronesia, Guam, Marianas
  { basin: 'NI', lat: [10, 23], lon: [79, 98] }, // Bay of Bengal coasts
  { basin: 'NI', lat: [15, 25], lon: [57, 74] }, // Arabian Sea coasts
  { basin: 'NA1', lat: [12, 24.4], lon: [-98, -59] }, // Caribbean, Central America, Gulf coast of Mexico
  { basin: 'NA1', lat: [20, 27.5], lon: [-79.9, -72] }, // Bahamas
  { basin: 'NA2', lat: [25.8, 30.2], lon: [-97.6, -93.5] }, // Texas coast
  { basin: 'NA2', lat: [28.5, 31], lon: [-93.5, -84] }, // Louisiana to the Florida panhandle
  { basin: 'NA2', lat: [24.4, 30.8], lon: [-84, -80] }, // Florida peninsula
  { basin: 'NA2', lat: [30.5, 36.6], lon: [-81.5, -75] }, // Georgia and the Carolinas
  { basin: 'NA2', lat: [36.6, 42.5], lon: [-77, -69.5] }, // Virginia Tidewater to southern New England
  { basin: 'EP', lat: [18, 23], lon: [-161, -154] }, // Hawaii
  { basin: 'SI', lat: [-27, -10], lon: [32, 60] }, // Mozambique Channel, Madagascar, Mascarenes
  { basin: 'OC', lat: [-23, -12], lon: [113, 125] }, // Pilbara–Kimberley coast
  { basin: 'OC', lat: [-15, -10], lon: [125, 142] }, // Top End
  { basin: 'OC', lat: [-25, -10], lon: [142, 154] }, // Queensland coast
  { basin: 'OC', lat: [-25, -5], lon: [155, 180] }, // South Pacific islands
  { basin: 'OC', lat: [-25, -5], lon: [-180, -125] }, // South Pacific islands, east of the date line
];

/** A coastal design wind for cyclone belts without a code value of ours: between Busan and Miami [A]. */
const CYCLONE_BELT_V0_MS = 40;

export function cycloneBelt(latitude: number, longitude: number): CycloneBasin | null {
  const belt = CYCLONE_BELTS.find(
    ({ lat, lon }) => latitude >= lat[0] && latitude <= lat[1] && longitude >= lon[0] && longitude <= lon[1],
  );
  return belt?.basin ?? null;
}

export interface BandDefault {
  climate: RegionClimate;
  band: LatitudeBand;
  basin: CycloneBasin | null;
}

/** The default climate at a point: its band's row, seasons flipped south of the equator. */
export function latitudeBandDefault(latitude: number, longitude: number): BandDefault {
  const band = latitudeBand(latitude);
  const row = BANDS[band];
  const basin = cycloneBelt(latitude, longitude);
  const tmax = row.tmaxMonthlyC;
  const tmaxMonthlyC = latitude < 0 ? tmax.map((_, m) => tmax[(m + 6) % 12]!) : [...tmax];
  const wind = basin
    ? { windV0Ms: Math.max(row.windV0Ms, CYCLONE_BELT_V0_MS), windRegime: 'TROPICAL_CYCLONE' as const, cycloneBasin: basin }
    : { windV0Ms: row.windV0Ms, windRegime: 'EXTRATROPICAL' as const, cycloneBasin: null };
  return { climate: { ...row, ...UNKNOWN_SITE, tmaxMonthlyC, ...wind }, band, basin };
}
