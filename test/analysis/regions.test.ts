import { describe, expect, it } from 'vitest';
import { cycloneBelt, latitudeBand, latitudeBandDefault } from '../../src/analysis/regions/defaults.js';
import {
  SEARCH_RADIUS_KM,
  findRegion,
  greatCircleKm,
  listPlaces,
  nearestRegions,
  resolveSiteClimate,
} from '../../src/analysis/regions/lookup.js';
import type { Region, RegionClimate } from '../../src/analysis/regions/region.js';
import { REGIONS } from '../../src/analysis/regions/table.js';

type NumericField = { [K in keyof RegionClimate]-?: RegionClimate[K] extends number ? K : never }[keyof RegionClimate];

/** Physically sane bounds, loose enough for any real city, tight enough to catch unit slips. */
const RANGES: Record<NumericField, readonly [number, number]> = {
  elevationM: [-10, 4500],
  coastKm: [0, 2500],
  days33: [0, 366],
  summerRhPct: [5, 100],
  warmingFactor: [0.8, 2.5],
  rain100MmPerH: [5, 250],
  drainageDesignMmPerH: [0, 150],
  river100DepthM: [0, 6],
  riverProtectionRp: [0, 10_000],
  esl100M: [0, 8],
  mhhwM: [0, 6],
  subsidenceMmPerYr: [-10, 400],
  coastalProtectionRp: [0, 10_000],
  windV0Ms: [15, 60],
  waterStress: [0, 4],
  droughtMonthsPerYear: [0, 2],
  wildfireAnnualProb: [0, 0.01],
};
const NUMERIC_FIELDS = Object.keys(RANGES) as NumericField[];

/** Inhabited continents by ISO country; a row from a country missing here fails the test below. */
const CONTINENT: Record<string, string> = {
  ...Object.fromEntries(['KR', 'JP', 'CN', 'HK', 'TW', 'SG', 'ID', 'TH', 'PH', 'VN', 'MY', 'IN', 'BD', 'PK', 'AE', 'SA', 'KW', 'IR', 'MN'].map((c) => [c, 'Asia'])),
  ...Object.fromEntries(['TR', 'GB', 'IE', 'FR', 'NL', 'DE', 'PL', 'ES', 'PT', 'IT', 'GR', 'FI', 'SE', 'IS', 'RU'].map((c) => [c, 'Europe'])),
  ...Object.fromEntries(['EG', 'MA', 'SN', 'NG', 'GH', 'CD', 'SD', 'KE', 'ET', 'ZA', 'MZ'].map((c) => [c, 'Africa'])),
  ...Object.fromEntries(['US', 'CA', 'MX', 'PR'].map((c) => [c, 'North America'])),
  ...Object.fromEntries(['CO', 'PE', 'BO', 'CL', 'BR', 'AR'].map((c) => [c, 'South America'])),
  ...Object.fromEntries(['AU', 'NZ', 'FJ'].map((c) => [c, 'Oceania'])),
};

const KOREAN_METROPOLITAN = ['KR-SEOUL', 'KR-BUSAN', 'KR-INCHEON', 'KR-DAEGU', 'KR-DAEJEON', 'KR-GWANGJU', 'KR-ULSAN', 'KR-SEJONG', 'KR-JEJU'];

function region(id: string): Region {
  const found = findRegion(id);
  if (!found) throw new Error(`no region ${id}`);
  return found;
}

/** Expected days ≥ 33 °C when daily maxima scatter normally by `spreadC` around each month's mean. */
function hotDays(tmaxMonthlyC: readonly number[], spreadC: number): number {
  const days = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // Abramowitz–Stegun 26.2.17 survival function; ample precision for a consistency check.
  const survival = (z: number) => {
    const t = 1 / (1 + 0.2316419 * Math.abs(z));
    const tail = 0.3989423 * Math.exp((-z * z) / 2) * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
    return z > 0 ? tail : 1 - tail;
  };
  return tmaxMonthlyC.reduce((sum, t, m) => sum + days[m]! * survival((33 - t) / spreadC), 0);
}

describe('the regional table', () => {
  it('has at least 64 rows with unique, well-formed ids', () => {
    expect(REGIONS.length).toBeGreaterThanOrEqual(64);
    expect(new Set(REGIONS.map((r) => r.id)).size).toBe(REGIONS.length);
    for (const r of REGIONS) {
      expect(r.country, r.id).toMatch(/^[A-Z]{2}$/);
      expect(r.id, r.id).toMatch(/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(r.id.slice(0, 2), r.id).toBe(r.country);
    }
  });

  it('gives every row names, a Köppen class, a source and coordinates in range', () => {
    for (const r of REGIONS) {
      expect(r.name.trim(), r.id).not.toBe('');
      expect(r.nameKo, r.id).toMatch(/[가-힣]/);
      expect(r.koppen, r.id).toMatch(/^(Af|Am|Aw|As|BW[hk]|BS[hk]|C[swf][abc]|D[swf][abcd]|E[TF])$/);
      expect(r.source.length, r.id).toBeGreaterThan(20);
      expect(Math.abs(r.latitude), r.id).toBeLessThanOrEqual(90);
      expect(Math.abs(r.longitude), r.id).toBeLessThanOrEqual(180);
    }
  });

  it('keeps every numeric field within a physically sane range', () => {
    for (const r of REGIONS) {
      for (const field of NUMERIC_FIELDS) {
        const [low, high] = RANGES[field];
        expect(Number.isFinite(r[field]), `${r.id}.${field}`).toBe(true);
        expect(r[field], `${r.id}.${field}`).toBeGreaterThanOrEqual(low);
        expect(r[field], `${r.id}.${field}`).toBeLessThanOrEqual(high);
      }
      expect(Number.isInteger(r.waterStress), r.id).toBe(true);
      expect(r.drainageDesignMmPerH, r.id).toBeLessThanOrEqual(r.rain100MmPerH);
      expect(r.mhhwM, r.id).toBeLessThanOrEqual(Math.max(r.esl100M, 0));
    }
  });

  it('has twelve plausible monthly maxima per row, warmest in the local warm half-year outside the tropics', () => {
    for (const r of REGIONS) {
      expect(r.tmaxMonthlyC, r.id).toHaveLength(12);
      expect(Math.min(...r.tmaxMonthlyC), r.id).toBeGreaterThan(-45);
      expect(Math.max(...r.tmaxMonthlyC), r.id).toBeLessThan(50);
      if (Math.abs(r.latitude) > 23.5) {
        const warmest = r.tmaxMonthlyC.indexOf(Math.max(...r.tmaxMonthlyC));
        // Half a year, not just high summer: monsoon climates peak before the rains (Delhi in May).
        const summer = r.latitude > 0 ? [3, 4, 5, 6, 7, 8] : [9, 10, 11, 0, 1, 2];
        expect(summer, r.id).toContain(warmest);
      }
    }
  });

  it('keeps days ≥ 33 °C consistent with the monthly maxima (the heat model fits a 1–8 °C daily spread)', () => {
    for (const r of REGIONS) {
      const fits = Array.from({ length: 141 }, (_, i) => hotDays(r.tmaxMonthlyC, 1 + i * 0.05));
      const closest = Math.min(...fits.map((d) => Math.abs(d - r.days33)));
      expect(closest, r.id).toBeLessThanOrEqual(Math.max(2, 0.1 * r.days33));
    }
  });

  it('matches the cyclone basin to the wind regime', () => {
    for (const r of REGIONS) {
      expect(r.cycloneBasin === null, r.id).toBe(r.windRegime === 'EXTRATROPICAL');
    }
  });

  it('covers every inhabited continent and climate zone', () => {
    const continents = new Set(
      REGIONS.map((r) => {
        const continent = CONTINENT[r.country];
        if (!continent) throw new Error(`add ${r.country} (${r.id}) to the continent map`);
        return continent;
      }),
    );
    expect([...continents].sort()).toEqual(['Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America']);
    for (const zone of ['A', 'B', 'C', 'D']) expect(REGIONS.some((r) => r.koppen.startsWith(zone)), zone).toBe(true);
    expect(REGIONS.some((r) => Math.abs(r.latitude) > 66.5), 'a polar-circle city').toBe(true);
    expect(REGIONS.some((r) => r.elevationM > 2500), 'a high-altitude city').toBe(true);
    expect(REGIONS.some((r) => r.coastalProtectionRp >= 10_000), 'a protected delta').toBe(true);
  });

  it('has every Korean metropolitan and special city', () => {
    for (const id of KOREAN_METROPOLITAN) expect(findRegion(id)?.country, id).toBe('KR');
  });

  it('keeps cities apart, so that each row owns its 1-km neighbourhood', () => {
    for (const r of REGIONS) {
      const [, next] = nearestRegions(r.latitude, r.longitude, 2);
      expect(next!.distanceKm, `${r.id} vs ${next!.region.id}`).toBeGreaterThan(10);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(REGIONS)).toBe(true);
    expect(Object.isFrozen(REGIONS[0])).toBe(true);
    expect(Object.isFrozen(REGIONS[0]!.tmaxMonthlyC)).toBe(true);
  });
});

describe('orderings the hazard models rely on', () => {
  it('days ≥ 33 °C: Daegu > Seoul > Busan', () => {
    expect(region('KR-DAEGU').days33).toBeGreaterThan(region('KR-SEOUL').days33);
    expect(region('KR-SEOUL').days33).toBeGreaterThan(region('KR-BUSAN').days33);
    for (const id of ['KR-BUSAN', 'KR-INCHEON', 'KR-JEJU']) expect(region(id).days33).toBeLessThan(region('KR-SEOUL').days33);
  });

  it('design wind: Jeju > Busan > Incheon ≥ Seoul ≥ Daegu', () => {
    expect(region('KR-JEJU').windV0Ms).toBeGreaterThan(region('KR-BUSAN').windV0Ms);
    expect(region('KR-BUSAN').windV0Ms).toBeGreaterThan(region('KR-INCHEON').windV0Ms);
    expect(region('KR-INCHEON').windV0Ms).toBeGreaterThanOrEqual(region('KR-SEOUL').windV0Ms);
    expect(region('KR-SEOUL').windV0Ms).toBeGreaterThanOrEqual(region('KR-DAEGU').windV0Ms);
  });

  it('Incheon is macro-tidal: the highest extreme sea level and high water of the Korean ports', () => {
    for (const id of ['KR-BUSAN', 'KR-ULSAN', 'KR-JEJU', 'KR-CHANGWON']) {
      expect(region('KR-INCHEON').esl100M).toBeGreaterThan(region(id).esl100M);
      expect(region('KR-INCHEON').mhhwM).toBeGreaterThan(region(id).mhhwM);
    }
    expect(region('KR-INCHEON').mhhwM).toBeGreaterThanOrEqual(4);
  });

  it('heavy rain: Jeju and Seoul above Daegu; Seoul drains 100 mm/h', () => {
    expect(region('KR-JEJU').rain100MmPerH).toBeGreaterThan(region('KR-DAEGU').rain100MmPerH);
    expect(region('KR-SEOUL').rain100MmPerH).toBeGreaterThan(region('KR-DAEGU').rain100MmPerH);
    expect(region('KR-SEOUL').drainageDesignMmPerH).toBe(100);
  });

  it('protection: Rotterdam 10,000-yr coast, Han River 200-yr, Jakarta and Miami ~10-yr coasts', () => {
    expect(region('NL-ROTTERDAM').coastalProtectionRp).toBe(10_000);
    expect(region('KR-SEOUL').riverProtectionRp).toBe(200);
    expect(region('ID-JAKARTA').coastalProtectionRp).toBeLessThanOrEqual(10);
    expect(region('US-MIAMI').coastalProtectionRp).toBeLessThanOrEqual(10);
  });

  it('Jakarta sinks fastest among the deltas; Nordic land rises', () => {
    for (const id of ['VN-HO-CHI-MINH', 'CN-SHANGHAI', 'NL-ROTTERDAM', 'BD-DHAKA']) {
      expect(region('ID-JAKARTA').subsidenceMmPerYr).toBeGreaterThan(region(id).subsidenceMmPerYr);
    }
    expect(region('SE-STOCKHOLM').subsidenceMmPerYr).toBeLessThan(0);
  });

  it('the hottest deserts out-heat the humid tropics, which out-heat London', () => {
    expect(region('AE-DUBAI').days33).toBeGreaterThan(region('SG-SINGAPORE').days33);
    expect(region('US-PHOENIX').days33).toBeGreaterThan(100);
    expect(region('GB-LONDON').days33).toBeLessThan(2);
  });
});

describe('resolveSiteClimate', () => {
  it('returns a region alone at its own coordinates', () => {
    for (const r of REGIONS) {
      const site = resolveSiteClimate(r.latitude, r.longitude);
      expect(site.regions, r.id).toEqual([r.id]);
      expect(site.nearestKm, r.id).toBeLessThan(1e-6);
      expect(site.proxies, r.id).toEqual([]);
      expect(site.climate.windV0Ms, r.id).toBe(r.windV0Ms);
      expect(site.climate.tmaxMonthlyC, r.id).toEqual(r.tmaxMonthlyC);
      expect(site.climate, r.id).not.toHaveProperty('id');
    }
  });

  it('uses the region alone within 1 km of it', () => {
    const seoul = region('KR-SEOUL');
    const site = resolveSiteClimate(seoul.latitude + 0.005, seoul.longitude);
    expect(site.regions).toEqual(['KR-SEOUL']);
    expect(site.nearestKm).toBeGreaterThan(0.5);
    expect(site.climate.days33).toBe(seoul.days33);
  });

  it('blends up to three regions within 150 km, each value within their range, nearest weighing most', () => {
    const seoul = region('KR-SEOUL');
    const incheon = region('KR-INCHEON');
    const midpoint = resolveSiteClimate((seoul.latitude + incheon.latitude) / 2, (seoul.longitude + incheon.longitude) / 2);
    expect(midpoint.regions.length).toBeGreaterThanOrEqual(2);
    expect(midpoint.regions.length).toBeLessThanOrEqual(3);
    expect(midpoint.regions.slice(0, 2).sort()).toEqual(['KR-INCHEON', 'KR-SEOUL']);
    expect(midpoint.proxies.join(' ')).toMatch(/inverse-distance/);
    const used = midpoint.regions.map(region);
    for (const field of NUMERIC_FIELDS) {
      const values = used.map((r) => r[field]);
      expect(midpoint.climate[field], field).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
      expect(midpoint.climate[field], field).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
    }
    for (let m = 0; m < 12; m++) {
      const values = used.map((r) => r.tmaxMonthlyC[m]!);
      expect(midpoint.climate.tmaxMonthlyC[m]).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
      expect(midpoint.climate.tmaxMonthlyC[m]).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
    }
    // Strictly between the two: the macro-tidal high water of Incheon and Seoul's estuary value.
    expect(midpoint.climate.mhhwM).toBeGreaterThan(seoul.mhhwM);
    expect(midpoint.climate.mhhwM).toBeLessThan(incheon.mhhwM);

    const nearSeoul = resolveSiteClimate(seoul.latitude * 0.8 + incheon.latitude * 0.2, seoul.longitude * 0.8 + incheon.longitude * 0.2);
    expect(nearSeoul.regions[0]).toBe('KR-SEOUL');
    expect(Math.abs(nearSeoul.climate.mhhwM - seoul.mhhwM)).toBeLessThan(Math.abs(nearSeoul.climate.mhhwM - incheon.mhhwM));
  });

  it('takes wind regime, cyclone basin and protection standards from the nearest region', () => {
    const rotterdam = region('NL-ROTTERDAM');
    const site = resolveSiteClimate(rotterdam.latitude + 0.05, rotterdam.longitude + 0.05);
    expect(site.regions[0]).toBe('NL-ROTTERDAM');
    expect(site.climate.coastalProtectionRp).toBe(rotterdam.coastalProtectionRp);
    expect(site.climate.riverProtectionRp).toBe(rotterdam.riverProtectionRp);
    expect(site.climate.windRegime).toBe(rotterdam.windRegime);
    expect(site.climate.cycloneBasin).toBe(rotterdam.cycloneBasin);
  });

  it.each([
    ['the middle of the Pacific', 0, -150],
    ['the Sahara', 23, 10],
    ['Siberia', 65, 100],
  ])('falls back to a latitude-band default in %s, with a proxies note', (_, latitude, longitude) => {
    const site = resolveSiteClimate(latitude, longitude);
    expect(site.regions).toEqual([]);
    expect(site.nearestKm).toBeGreaterThan(SEARCH_RADIUS_KM);
    expect(site.proxies[0]).toMatch(/^no regional data within 150 km \(nearest: [A-Z]{2}-[A-Z0-9-]+ at \d+ km\); latitude-band default used/);
    expect(site.climate.coastKm).toBe(50);
    expect(site.climate.tmaxMonthlyC).toHaveLength(12);
  });

  it('names the nearest region and its distance even when it is far away', () => {
    const site = resolveSiteClimate(65, 100);
    const [nearest] = nearestRegions(65, 100, 1);
    expect(site.nearestKm).toBeCloseTo(nearest!.distanceKm, 6);
    expect(site.proxies[0]).toContain(nearest!.region.id);
  });

  it('flips the seasons south of the equator: warm January, cool July', () => {
    const south = resolveSiteClimate(-30, -130); // the South Pacific, far from every city
    const north = resolveSiteClimate(30, -40); // the North Atlantic
    expect(south.regions).toEqual([]);
    expect(north.regions).toEqual([]);
    expect(south.climate.tmaxMonthlyC[0]!).toBeGreaterThan(south.climate.tmaxMonthlyC[6]!);
    expect(north.climate.tmaxMonthlyC[0]!).toBeLessThan(north.climate.tmaxMonthlyC[6]!);
    expect(south.climate.tmaxMonthlyC[0]).toBe(north.climate.tmaxMonthlyC[6]);
  });

  it('grades the band defaults from hot tropics to cold poles', () => {
    const warmest = (latitude: number) => Math.max(...latitudeBandDefault(latitude, 0).climate.tmaxMonthlyC);
    const coldest = (latitude: number) => Math.min(...latitudeBandDefault(latitude, 0).climate.tmaxMonthlyC);
    expect(['tropical', 'subtropical', 'temperate', 'subpolar', 'polar'].map((_, i) => latitudeBand([5, 30, 45, 60, 80][i]!))).toEqual([
      'tropical', 'subtropical', 'temperate', 'subpolar', 'polar',
    ]);
    expect(coldest(5)).toBeGreaterThan(coldest(30));
    expect(coldest(30)).toBeGreaterThan(coldest(45));
    expect(coldest(45)).toBeGreaterThan(coldest(60));
    expect(coldest(60)).toBeGreaterThan(coldest(80));
    expect(warmest(45)).toBeGreaterThan(warmest(80));
    expect(latitudeBandDefault(80, 0).climate.warmingFactor).toBeGreaterThan(latitudeBandDefault(5, 0).climate.warmingFactor);
  });

  it('meets tropical cyclones in their belts even far from our cities', () => {
    const guam = resolveSiteClimate(13.44, 144.79);
    expect(guam.regions).toEqual([]);
    expect(guam.climate.windRegime).toBe('TROPICAL_CYCLONE');
    expect(guam.climate.cycloneBasin).toBe('OC');
    expect(guam.proxies.join(' ')).toMatch(/basin OC/);
    expect(cycloneBelt(25.05, -77.35)).toBe('NA1'); // Nassau
    expect(cycloneBelt(22.63, 120.3)).toBe('WP4'); // Kaohsiung
    expect(cycloneBelt(-23.7, 133.88)).toBeNull(); // Alice Springs, inland
    expect(cycloneBelt(48.86, 2.35)).toBeNull();
  });

  it('treats longitudes beyond ±180° as the same meridian', () => {
    expect(resolveSiteClimate(-18.1248, 178.4501 - 360).regions).toEqual(['FJ-SUVA']);
    expect(resolveSiteClimate(-20, 190)).toEqual(resolveSiteClimate(-20, -170));
  });

  it('rejects impossible coordinates', () => {
    expect(() => resolveSiteClimate(91, 0)).toThrow(RangeError);
    expect(() => resolveSiteClimate(Number.NaN, 0)).toThrow(/latitude/);
    expect(() => resolveSiteClimate(0, Number.POSITIVE_INFINITY)).toThrow(/longitude/);
  });

  it('is pure: identical input, identical output, and the table is untouched', () => {
    const a = resolveSiteClimate(37.4979, 127.0276);
    a.climate.tmaxMonthlyC = [];
    (a.climate as { days33: number }).days33 = -1;
    const b = resolveSiteClimate(37.4979, 127.0276);
    expect(b.climate.days33).toBeGreaterThan(0);
    expect(b).toEqual(resolveSiteClimate(37.4979, 127.0276));
    expect(region('KR-SEOUL').tmaxMonthlyC).toHaveLength(12);
  });
});

describe('place picker helpers', () => {
  it('lists every place with its names and coordinates', () => {
    const places = listPlaces();
    expect(places).toHaveLength(REGIONS.length);
    expect(places.find((p) => p.id === 'KR-SEOUL')).toEqual({
      id: 'KR-SEOUL', name: 'Seoul', nameKo: '서울', country: 'KR', latitude: 37.5665, longitude: 126.978,
    });
  });

  it('finds regions by id and ranks neighbours by distance', () => {
    expect(findRegion('JP-TOKYO')?.nameKo).toBe('도쿄');
    expect(findRegion('XX-NOWHERE')).toBeUndefined();
    const near = nearestRegions(35.18, 129.08, 3).map((r) => r.region.id);
    expect(near[0]).toBe('KR-BUSAN');
    expect(near).toHaveLength(3);
  });

  it('measures great circles: Seoul to Busan ≈ 325 km, a quarter meridian ≈ 10,008 km', () => {
    expect(greatCircleKm(37.5665, 126.978, 35.1796, 129.0756)).toBeGreaterThan(315);
    expect(greatCircleKm(37.5665, 126.978, 35.1796, 129.0756)).toBeLessThan(335);
    expect(greatCircleKm(0, 0, 90, 0)).toBeCloseTo(10_007.5, 0);
  });
});
