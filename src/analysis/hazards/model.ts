/**
 * What every hazard model provides: for one site and one scenario cell, the hazard's indicator and
 * exposure score, and either an acute damage curve (the simulation and the EAL come from it) or a
 * chronic outcome (a category, sometimes a disruption).
 */
import type { Hazard } from '../input.js';
import type { Category, HazardKind } from '../result.js';
import type { ExceedanceCurve } from '../curves.js';
import type { ScenarioCell } from '../scenarios.js';
import type { Site } from '../site.js';

export interface IndicatorValue {
  id: string;
  value: number;
  unit: string;
}

export interface HazardOutcome {
  indicator: IndicatorValue;
  /** 0–100 exposure of the hazard itself, before protection and vulnerability. */
  hazardScore: number;
  /** Acute: damage fraction by annual exceedance probability, protection and vulnerability applied. */
  curve: ExceedanceCurve | null;
  /** Chronic: the category (acute categories come from the EAL). */
  category: Category | null;
  /** Fraction of working time or revenue lost per year. */
  disruption: number | null;
}

export interface HazardModel {
  hazard: Hazard;
  kind: HazardKind;
  assess(site: Site, cell: ScenarioCell): HazardOutcome;
}
