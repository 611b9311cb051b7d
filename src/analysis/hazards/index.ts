/** Every hazard model, by the hazard it answers for. */
import type { Hazard } from '../input.js';
import { coastalFlood } from './coastal-flood.js';
import { drought } from './drought.js';
import { extremeHeat } from './heat.js';
import type { HazardModel } from './model.js';
import { pluvialFlood } from './pluvial-flood.js';
import { riverFlood } from './river-flood.js';
import { seaLevelRise } from './sea-level-rise.js';
import { wildfire } from './wildfire.js';
import { typhoonWind } from './wind.js';

export const HAZARD_MODELS: Readonly<Record<Hazard, HazardModel>> = {
  COASTAL_FLOOD: coastalFlood,
  RIVER_FLOOD: riverFlood,
  PLUVIAL_FLOOD: pluvialFlood,
  TYPHOON_WIND: typhoonWind,
  EXTREME_HEAT: extremeHeat,
  DROUGHT: drought,
  WILDFIRE: wildfire,
  SEA_LEVEL_RISE: seaLevelRise,
};

export type { HazardModel, HazardOutcome } from './model.js';
