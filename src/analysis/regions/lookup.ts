/**
 * The climate anchors of a site: blended from the nearest cities of the regional table, or a
 * latitude-band default where no city is near enough. Pure and fast (a linear scan of ~100 rows).
 */
import { latitudeBandDefault } from './defaults.js';
import type { Region, RegionClimate, SiteClimate } from './region.js';
import { REGIONS } from './table.js';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
/** Beyond this a city's climate says too little about a site: the band default is more honest [A]. */
export const SEARCH_RADIUS_KM = 150;
/** Within this the site is in the city itself, and a blend would only blur the city's own values. */
const SAME_PLACE_KM = 1;
const MAX_BLENDED = 3;
const IDW_POWER = 2;

type NumericField = { [K in keyof RegionClimate]-?: RegionClimate[K] extends number ? K : never }[keyof RegionClimate];

/** Blended by inverse-distance weighting. */
const BLENDED = [
  'elevationM', 'coastKm', 'days33', 'summerRhPct', 'warmingFactor', 'rain100MmPerH', 'drainageDesignMmPerH',
  'river100DepthM', 'esl100M', 'mhhwM', 'subsidenceMmPerYr', 'windV0Ms', 'waterStress', 'droughtMonthsPerYear',
  'wildfireAnnualProb',
] as const satisfies readonly NumericField[];

/**
 * Taken from the nearest region, like the categorical fields: a protection standard belongs to one
 * defence system, and blending Rotterdam's 10,000-year dikes with an unprotected neighbour would
 * invent a standard that nobody built.
 */
const FROM_NEAREST = ['riverProtectionRp', 'coastalProtectionRp'] as const satisfies readonly NumericField[];

/** Copied from the nearest region (with the array handled element-wise in a blend). */
type Special = 'tmaxMonthlyC' | 'windRegime' | 'cycloneBasin';

// A field added to RegionClimate must be placed in one of the lists above: `climateOf` relies on it.
type Unplaced = Exclude<keyof RegionClimate, (typeof BLENDED)[number] | (typeof FROM_NEAREST)[number] | Special>;
const _everyFieldPlaced: [Unplaced] extends [never] ? true : Unplaced = true;

export interface RegionDistance {
  region: Region;
  distanceKm: number;
}

/** What a place picker shows of a region. */
export type Place = Pick<Region, 'id' | 'name' | 'nameKo' | 'country' | 'latitude' | 'longitude'>;

const BY_ID: ReadonlyMap<string, Region> = new Map(REGIONS.map((region) => [region.id, region]));

const PLACES: readonly Place[] = Object.freeze(
  REGIONS.map(({ id, name, nameKo, country, latitude, longitude }) => Object.freeze({ id, name, nameKo, country, latitude, longitude })),
);

const RADIANS = Math.PI / 180;

/** Haversine distance, km; stable for the short distances that matter here. */
export function greatCircleKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const dLat = (latitude2 - latitude1) * RADIANS;
  const dLon = (longitude2 - longitude1) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(latitude1 * RADIANS) * Math.cos(latitude2 * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function checkCoordinates(latitude: number, longitude: number): void {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new RangeError(`latitude must be a number within [-90, 90], got ${latitude}`);
  }
  if (!Number.isFinite(longitude)) throw new RangeError(`longitude must be a finite number, got ${longitude}`);
}

/** Longitude folded into [-180, 180), so that 190° and -170° are the same meridian. */
function foldLongitude(longitude: number): number {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

export function findRegion(id: string): Region | undefined {
  return BY_ID.get(id);
}

/** Every place of the table, for the dashboard's place picker (table order: grouped by continent). */
export function listPlaces(): Place[] {
  return [...PLACES];
}

/** The n regions nearest to a point, nearest first (ties by id, so the order is deterministic). */
export function nearestRegions(latitude: number, longitude: number, n: number): RegionDistance[] {
  checkCoordinates(latitude, longitude);
  const lon = foldLongitude(longitude);
  return REGIONS.map((region) => ({ region, distanceKm: greatCircleKm(latitude, lon, region.latitude, region.longitude) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.region.id < b.region.id ? -1 : 1))
    .slice(0, Math.max(0, n));
}

/** A fresh copy of a region's climate fields (the table stays frozen and shared). */
function climateOf(region: Region): RegionClimate {
  const special: Pick<RegionClimate, Special> = {
    tmaxMonthlyC: [...region.tmaxMonthlyC],
    windRegime: region.windRegime,
    cycloneBasin: region.cycloneBasin,
  };
  // Complete by the compile-time check above: every other field is numeric and listed.
  const climate = special as RegionClimate;
  for (const field of [...BLENDED, ...FROM_NEAREST]) climate[field] = region[field];
  return climate;
}

function blend(parts: readonly RegionDistance[], nearest: Region): RegionClimate {
  const weights = parts.map(({ distanceKm }) => distanceKm ** -IDW_POWER);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const mean = (value: (region: Region) => number) =>
    parts.reduce((sum, { region }, i) => sum + (weights[i]! / total) * value(region), 0);
  const climate = climateOf(nearest);
  for (const field of BLENDED) climate[field] = mean((region) => region[field]);
  climate.tmaxMonthlyC = nearest.tmaxMonthlyC.map((_, m) => mean((region) => region.tmaxMonthlyC[m]!));
  return climate;
}

function km(distanceKm: number): string {
  return distanceKm < 10 ? `${distanceKm.toFixed(1)} km` : `${Math.round(distanceKm)} km`;
}

/**
 * The climate anchors for a site. Within 1 km of a region: that region. Within 150 km of one to
 * three: their inverse-distance-squared blend, with wind regime, cyclone basin and protection
 * standards from the nearest. Otherwise: the latitude-band default, said so in `proxies`.
 */
export function resolveSiteClimate(latitude: number, longitude: number): SiteClimate {
  const ranked = nearestRegions(latitude, longitude, MAX_BLENDED);
  const nearest = ranked[0];
  if (nearest === undefined) throw new Error('the regional climate table is empty');
  const nearestKm = nearest.distanceKm;

  if (nearestKm <= SAME_PLACE_KM) {
    return { climate: climateOf(nearest.region), regions: [nearest.region.id], nearestKm, proxies: [] };
  }

  const near = ranked.filter(({ distanceKm }) => distanceKm <= SEARCH_RADIUS_KM);
  if (near.length > 0) {
    const list = near.map(({ region, distanceKm }) => `${region.id} (${km(distanceKm)})`).join(', ');
    const proxy =
      near.length === 1
        ? `climate of ${list}, the only region within ${SEARCH_RADIUS_KM} km`
        : `climate blended from ${list} by inverse-distance weighting; wind regime and protection standards from ${nearest.region.id}`;
    return {
      climate: blend(near, nearest.region),
      regions: near.map(({ region }) => region.id),
      nearestKm,
      proxies: [proxy],
    };
  }

  const fallback = latitudeBandDefault(latitude, foldLongitude(longitude));
  const hemisphere = latitude < 0 ? 'southern' : 'northern';
  const proxies = [
    `no regional data within ${SEARCH_RADIUS_KM} km (nearest: ${nearest.region.id} at ${km(nearestKm)}); ` +
      `latitude-band default used (${fallback.band}, ${hemisphere} hemisphere)`,
  ];
  if (fallback.basin !== null) {
    proxies.push(`tropical-cyclone basin ${fallback.basin} assumed from a coarse map of cyclone belts`);
  }
  return { climate: fallback.climate, regions: [], nearestKm, proxies };
}
