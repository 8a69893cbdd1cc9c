import type { Unit } from "../model/types.ts";
import {
  breakdownOfTotal,
  countedFractions,
  numbers,
  snapshotPercent,
  wander,
  yearToDate,
} from "./model-helpers.ts";
import { constantLevel, stepWalk } from "./shapes.ts";
import type { IndicatorModel } from "./simulation.ts";

/**
 * The usual level of an indicator that has no model of its own, in its unit. The example
 * catalogue sets such an indicator's target here too, so its ratings are mixed.
 */
export const GENERIC_LEVELS: Record<Unit, number> = { count: 40, percent: 85, days: 200, rate: 50 };

/**
 * Simulates an indicator added to the catalogue after the example models were written, from its
 * unit, cadence and breakdown alone, so the generator keeps working until someone adds a model.
 */
export const genericModel: IndicatorModel = (context) => {
  const { indicator } = context;
  const level = GENERIC_LEVELS[indicator.unit];
  const length = context.timeline.months.length;

  if (indicator.breakdown?.totalOf !== undefined) return breakdownOfTotal(context, {});
  if (indicator.breakdown) {
    const categoryIds = indicator.breakdown.categories.map((category) => category.id);
    const columns = categoryIds.map((id) =>
      stepWalk(context.stream(`count ${id}`), {
        length,
        start: 20,
        stepChance: 0.4,
        minimum: 5,
        maximum: 40,
      }),
    );
    const counts = context.timeline.months.map((_month, index) =>
      columns.map((column) => column[index]!),
    );
    return { shape: "breakdown", categoryIds, counts };
  }

  if (indicator.unit === "percent") {
    const rates = wander(context, "rate", {
      level: constantLevel(level / 100),
      volatility: 0.01,
      maximum: 1,
    });
    if (indicator.cadence === "year-to-date") {
      const due = rates.map(() => 40);
      return yearToDate(countedFractions(context, "met", due, rates), false);
    }
    return snapshotPercent(
      rates.map(() => 120),
      rates,
    );
  }

  return numbers(
    context,
    wander(context, "rate", { level: constantLevel(level), volatility: 0.03 * level }),
  );
};
