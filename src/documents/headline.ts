/**
 * The two scenario cells a reader looks at first: today (the historical baseline) and the future cell
 * with the highest risk. Every summary (document, dashboard, command line) shows these two, so they
 * tell the same story.
 */
import type { Hazard, ScenarioView } from './shapes.js';

export interface Headline<S extends ScenarioView = ScenarioView> {
  /** The historical baseline; undefined only for an analysis without cells. */
  today: S | undefined;
  /** The future cell with the highest overall score (ties: the higher EAL, then the later horizon). */
  worst: S | undefined;
}

export function headline<S extends ScenarioView>(scenarios: readonly S[]): Headline<S> {
  const today = scenarios.find((cell) => cell.scenario === 'HISTORICAL') ?? scenarios[0];
  let worst: S | undefined;
  for (const cell of scenarios) {
    if (cell.scenario === 'HISTORICAL') continue;
    if (
      worst === undefined ||
      cell.total.overallScore > worst.total.overallScore ||
      (cell.total.overallScore === worst.total.overallScore &&
        (cell.total.ealFraction > worst.total.ealFraction ||
          (cell.total.ealFraction === worst.total.ealFraction && (cell.horizon ?? 0) > (worst.horizon ?? 0))))
    ) {
      worst = cell;
    }
  }
  return { today, worst };
}

/** The hazards of the analysis in the order of its first cell (every cell lists the same hazards). */
export function hazardsOf(scenarios: readonly ScenarioView[]): Hazard[] {
  return scenarios[0]?.hazards.map((h) => h.hazard) ?? [];
}
