/**
 * One row of the regional climate table: the hazard anchors of a city, written by us from public
 * climate normals, design codes and the literature cited in `source`.
 * Units are in the field names; every value is the 1991–2020 (or nearest available) baseline.
 */

/** Tropical-cyclone basins of Eberenz et al. (2021), used to pick the Emanuel V_half. */
export type CycloneBasin = 'WP4' | 'WP3' | 'WP2' | 'WP1' | 'NA2' | 'NA1' | 'NI' | 'OC' | 'SI' | 'EP';

export interface RegionClimate {
  /** Typical ground elevation of the city centre above mean sea level, m. */
  elevationM: number;
  /** Distance from the city centre to the sea or tidal water, km. */
  coastKm: number;

  // Heat
  /** Mean daily maximum temperature per month, Jan..Dec, °C (climate normals). */
  tmaxMonthlyC: readonly number[];
  /** Days per year with a daily maximum of at least 33 °C (the KMA heat-wave threshold). */
  days33: number;
  /** Mean relative humidity of the warmest month, %. */
  summerRhPct: number;
  /** Local warming per degree of global warming (land ≈ 1.4, tropical coasts ≈ 1.1, Korea ≈ 1.75). */
  warmingFactor: number;

  // Rain and flooding
  /** 100-year 1-hour rainfall, mm/h. */
  rain100MmPerH: number;
  /** Rainfall the urban drainage is designed to carry, mm/h. */
  drainageDesignMmPerH: number;
  /** 100-year river flood depth on the riverside floodplain, m (0 where no river floods the city). */
  river100DepthM: number;
  /** Return period, years, of the river flood the defences hold (0 = none). */
  riverProtectionRp: number;

  // Coast
  /** 100-year extreme still-water sea level incl. surge and tide, m above mean sea level. */
  esl100M: number;
  /** Mean higher high water, m above mean sea level. */
  mhhwM: number;
  /** Land subsidence, mm per year (positive = sinking). */
  subsidenceMmPerYr: number;
  /** Return period, years, of the sea level the coastal defences hold (0 = none). */
  coastalProtectionRp: number;

  // Wind
  /** Design-code 100-year 10-minute mean wind at 10 m, open terrain, m/s. */
  windV0Ms: number;
  /** Tropical cyclones set the extreme wind (Emanuel curve) or extratropical storms do (Schwierz). */
  windRegime: 'TROPICAL_CYCLONE' | 'EXTRATROPICAL';
  /** Basin for the Emanuel V_half; null where cyclones do not reach. */
  cycloneBasin: CycloneBasin | null;

  // Water and fire
  /** Baseline water stress, Aqueduct-style category 0 (low) .. 4 (extremely high). */
  waterStress: number;
  /** Months per year with SPEI-12 below −2 under the baseline (severe drought). */
  droughtMonthsPerYear: number;
  /** Annual probability that the site burns (urban ≈ 1e-5, wildland-urban interface ≈ 1e-3). */
  wildfireAnnualProb: number;
}

export interface Region extends RegionClimate {
  /** Stable id, `CC-NAME` with the ISO 3166-1 alpha-2 country code, e.g. `KR-SEOUL`. */
  id: string;
  name: string;
  nameKo: string;
  country: string;
  latitude: number;
  longitude: number;
  /** Köppen–Geiger climate class, e.g. `Dwa`. */
  koppen: string;
  /** Where the numbers come from, short: `KMA normals 1991-2020; KDS 41 V0; Seoul drainage plan`. */
  source: string;
}

/** The climate anchors that the hazard models receive for one site, with how they were found. */
export interface SiteClimate {
  climate: RegionClimate;
  /** Ids of the regions blended for this site, nearest first (empty when a default was used). */
  regions: string[];
  /** Great-circle distance to the nearest region, km. */
  nearestKm: number;
  /** Notes on every assumption, for `dataQuality.proxies`. */
  proxies: string[];
}
