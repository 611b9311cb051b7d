import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseAnalysisInput } from '../../src/analysis/input.js';

const valid = { location: { latitude: 37.5, longitude: 127 }, asset: { value: 1e9 } };

function issuesOf(raw: unknown): { path: string; message: string }[] {
  try {
    parseAnalysisInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error('input was accepted');
}

describe('analysis input', () => {
  it('fills the defaults a user expects', () => {
    const input = parseAnalysisInput(valid);
    expect(input.asset.currency).toBe('KRW');
    expect(input.language).toBe('KO');
    expect(input.building).toMatchObject({ occupancy: 'COMMERCIAL', structure: 'REINFORCED_CONCRETE', floorsAboveGround: 5, basementFloors: 0, firstFloorHeightM: 0.3 });
    expect(input.params).toMatchObject({ scenarios: ['SSP1_2_6', 'SSP2_4_5', 'SSP5_8_5'], horizons: [2030, 2050, 2100], simulationYears: 10_000, includeNarrative: true });
    expect(input.params.hazards).toHaveLength(8);
  });

  it.each([
    [{ ...valid, location: { latitude: 91, longitude: 127 } }, 'location.latitude', /between -90 and 90/],
    [{ ...valid, location: { latitude: Number.NaN, longitude: 127 } }, 'location.latitude', /finite/],
    [{ ...valid, asset: { value: -5 } }, 'asset.value', /greater than 0/],
    [{ ...valid, asset: { value: 1e9, currency: 'XYZ' } }, 'asset.currency', /ISO 4217/],
    [{ ...valid, building: { floorsAboveGround: 300 } }, 'building.floorsAboveGround', /between 1 and 200/],
    [{ ...valid, building: { floorsAboveGround: 2.5 } }, 'building.floorsAboveGround', /whole number/],
    [{ ...valid, params: { simulationYears: 20_000_000 } }, 'params.simulationYears', /10000000/],
    [{ ...valid, params: { horizons: [2040] } }, 'params.horizons.0', /2030, 2050, 2100/],
    [{ ...valid, params: { scenarios: ['SSP2_4_5', 'SSP2_4_5'] } }, 'params.scenarios', /repeat/],
    [{ ...valid, building: { occupancy: 'CASTLE' } }, 'building.occupancy', /RESIDENTIAL/],
    [{ asset: { value: 1 } }, 'location', /required/],
  ])('rejects %j naming %s', (raw, path, message) => {
    const issues = issuesOf(raw);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('lists every bad field at once', () => {
    const issues = issuesOf({ location: { latitude: 91, longitude: 200 }, asset: { value: 0, currency: 'EURO' } });
    expect(issues.map((i) => i.path)).toEqual(['location.latitude', 'location.longitude', 'asset.value', 'asset.currency']);
  });

  it('answers any JSON with a valid input or an InvalidInputError, never another exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (location, asset) => {
        try {
          parseAnalysisInput({ location, asset });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
