import type { Catalogue, Indicator } from "../model/types.ts";
import type { Fraction } from "./fractions.ts";
import type { Population } from "./population.ts";
import type { Random } from "./random.ts";
import type { Timeline } from "./timeline.ts";
import type { Workforce } from "./workforce.ts";

/** The simulated figures of one indicator, one entry per simulated month. */
export type SimulatedIndicator =
  /** A count, a number of days or a rate, already rounded to the indicator's decimals. */
  | { shape: "number"; values: number[] }
  /** A percentage of children at the end of the month. */
  | { shape: "percent"; fractions: Fraction[] }
  /**
   * A percentage over the financial year to date: each entry is one month's own fraction, and a
   * month file adds them up from April. `quarterly` adds the last eight financial quarters.
   */
  | { shape: "year-to-date"; fractions: Fraction[]; quarterly: boolean }
  /** Counts by category, in the catalogue's category order. */
  | { shape: "breakdown"; categoryIds: string[]; counts: number[][] };

export interface ModelContext {
  indicator: Indicator;
  /**
   * Returns a named stream of random numbers of this indicator's own. Each series draws from a
   * stream of its own, so neither other indicators nor the number of months simulated shift it.
   */
  stream: (name: string) => Random;
  /** Returns a named stream shared with other indicators, for figures that must draw alike. */
  sharedStream: (name: string) => Random;
  timeline: Timeline;
  population: Population;
  workforce: Workforce;
  /** Indicators already simulated, for breakdowns that divide another indicator's total. */
  simulated: ReadonlyMap<string, SimulatedIndicator>;
}

export type IndicatorModel = (context: ModelContext) => SimulatedIndicator;

/** Returns the catalogue's indicators with every breakdown that divides a total after its total. */
export function simulationOrder(catalogue: Catalogue): Indicator[] {
  const divides = (indicator: Indicator) => indicator.breakdown?.totalOf !== undefined;
  return [
    ...catalogue.indicators.filter((indicator) => !divides(indicator)),
    ...catalogue.indicators.filter(divides),
  ];
}
