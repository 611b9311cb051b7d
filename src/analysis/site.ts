/**
 * The site as the hazard models see it: the user's location and building, completed from the regional
 * climate table where the user left a field out, with a note for every such assumption.
 */
import type { AnalysisInput } from './input.js';
import type { RegionClimate } from './regions/region.js';
import type { ScenarioCell } from './scenarios.js';
import { resolveSiteClimate } from './regions/lookup.js';
import { type FloodCurveRegion, floodCurveRegion } from './vulnerability.js';

export interface Site {
  latitude: number;
  longitude: number;
  elevationM: number;
  coastKm: number;
  /** null when unknown. */
  riverKm: number | null;
  climate: RegionClimate;
  floodRegion: FloodCurveRegion;
  building: AnalysisInput['building'];
  regions: string[];
  nearestKm: number;
  proxies: string[];
}

export function resolveSite(input: AnalysisInput): Site {
  const { latitude, longitude, elevationM, distanceToCoastKm, distanceToRiverKm } = input.location;
  const found = resolveSiteClimate(latitude, longitude);
  const proxies = [...found.proxies];
  const where = found.regions[0] ?? 'the latitude-band default';
  if (elevationM === undefined) {
    proxies.push(`elevationM not given: ${found.climate.elevationM} m, the typical elevation of ${where}, used`);
  }
  if (distanceToCoastKm === undefined) {
    proxies.push(`distanceToCoastKm not given: ${found.climate.coastKm} km, the coast distance of ${where}, used`);
  }
  if (distanceToRiverKm === undefined && found.climate.river100DepthM > 0) {
    proxies.push('distanceToRiverKm not given: river flood counted at 10% of the riverside depth below 20 m elevation');
  }
  return {
    latitude,
    longitude,
    elevationM: elevationM ?? found.climate.elevationM,
    coastKm: distanceToCoastKm ?? found.climate.coastKm,
    riverKm: distanceToRiverKm ?? null,
    climate: found.climate,
    floodRegion: floodCurveRegion(latitude, longitude),
    building: input.building,
    regions: found.regions,
    nearestKm: found.nearestKm,
    proxies,
  };
}

/** Warming of the site above the 1995–2014 baseline: the region's factor × global warming. */
export function localWarmingC(site: Site, cell: ScenarioCell): number {
  return site.climate.warmingFactor * cell.deltaGwlC;
}
