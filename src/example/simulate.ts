import type { Catalogue } from "../model/types.ts";
import { genericModel } from "./generic-model.ts";
import { INDICATOR_MODELS } from "./indicator-models.ts";
import { simulatePopulation, type Population } from "./population.ts";
import { createRandom } from "./random.ts";
import { simulationOrder, type IndicatorModel, type SimulatedIndicator } from "./simulation.ts";
import type { Timeline } from "./timeline.ts";
import { simulateWorkforce } from "./workforce.ts";

/** Indicators whose breakdown categories are teams of staff. */
const WORKFORCE_INDICATORS = ["social-workers", "average-caseload"];

export interface Simulation {
  timeline: Timeline;
  population: Population;
  /** Every catalogue indicator's figures, by id. */
  indicators: Map<string, SimulatedIndicator>;
  /** Ids of indicators without an example model, simulated from their unit and cadence. */
  genericIds: string[];
}

/** Simulates every indicator of the catalogue over the whole timeline. */
export function simulate(catalogue: Catalogue, timeline: Timeline, seed: string): Simulation {
  const length = timeline.months.length;
  const population = simulatePopulation((name) => createRandom(seed, `population ${name}`), length);
  const teamIds = catalogue.indicators
    .filter((indicator) => WORKFORCE_INDICATORS.includes(indicator.id))
    .flatMap((indicator) => indicator.breakdown?.categories.map((category) => category.id) ?? []);
  const workforce = simulateWorkforce(
    (name) => createRandom(seed, `workforce ${name}`),
    population,
    [...new Set(teamIds)],
  );

  const indicators = new Map<string, SimulatedIndicator>();
  const genericIds: string[] = [];
  for (const indicator of simulationOrder(catalogue)) {
    const model: IndicatorModel | undefined = Object.hasOwn(INDICATOR_MODELS, indicator.id)
      ? INDICATOR_MODELS[indicator.id]
      : undefined;
    if (!model) genericIds.push(indicator.id);
    const simulated = (model ?? genericModel)({
      indicator,
      stream: (name) => createRandom(seed, `indicator ${indicator.id} ${name}`),
      sharedStream: (name) => createRandom(seed, `shared ${name}`),
      timeline,
      population,
      workforce,
      simulated: indicators,
    });
    indicators.set(indicator.id, simulated);
  }
  return { timeline, population, indicators, genericIds };
}
