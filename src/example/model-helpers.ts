/** Building blocks shared by the indicator models. */
import { roundTo } from "../rules/rounding.ts";
import { driftingBreakdown } from "./breakdowns.ts";
import { fractionAtRate, type Fraction } from "./fractions.ts";
import { meanReverting, type Level } from "./shapes.ts";
import type { ModelContext, SimulatedIndicator } from "./simulation.ts";

export function monthCount(context: ModelContext): number {
  return context.timeline.months.length;
}

/** Draws a series drifting around a level from the named stream, never below 0 by default. */
export function wander(
  context: ModelContext,
  stream: string,
  options: {
    level: Level;
    volatility: number;
    reversion?: number;
    minimum?: number;
    maximum?: number;
  },
): number[] {
  return meanReverting(context.stream(stream), {
    length: monthCount(context),
    level: options.level,
    reversion: options.reversion ?? 0.2,
    volatility: options.volatility,
    minimum: options.minimum ?? 0,
    maximum: options.maximum ?? Infinity,
  });
}

export function numbers(context: ModelContext, values: readonly number[]): SimulatedIndicator {
  const decimals = context.indicator.decimals;
  return { shape: "number", values: values.map((value) => roundTo(value, decimals)) };
}

export function snapshotPercent(
  denominators: readonly number[],
  rates: readonly number[],
): SimulatedIndicator {
  return {
    shape: "percent",
    fractions: denominators.map((denominator, index) => fractionAtRate(denominator, rates[index]!)),
  };
}

export function yearToDate(fractions: Fraction[], quarterly: boolean): SimulatedIndicator {
  return { shape: "year-to-date", fractions, quarterly };
}

/** Draws each month's numerator child by child, so small denominators swing as real ones do. */
export function countedFractions(
  context: ModelContext,
  stream: string,
  denominators: readonly number[],
  rates: readonly number[],
): Fraction[] {
  const random = context.stream(stream);
  return denominators.map((denominator, index) => {
    const whole = Math.max(1, denominator);
    return { numerator: random.binomial(whole, rates[index]!), denominator: whole };
  });
}

/**
 * Divides the total the breakdown names (children in care when it names none that was
 * simulated as a number) between the catalogue's categories. A category missing from
 * `sharesById` gets the average of the shares given, so a new category still gets figures.
 */
export function breakdownOfTotal(
  context: ModelContext,
  sharesById: Record<string, number>,
): SimulatedIndicator {
  const categoryIds = (context.indicator.breakdown?.categories ?? []).map(
    (category) => category.id,
  );
  const known = Object.values(sharesById);
  const averageShare =
    known.length > 0 ? known.reduce((sum, share) => sum + share, 0) / known.length : 1;
  const totalOf = context.indicator.breakdown?.totalOf;
  const total = totalOf ? context.simulated.get(totalOf) : undefined;
  const totals = total?.shape === "number" ? total.values : context.population.childrenInCare;
  const counts = driftingBreakdown({
    randoms: categoryIds.map((id) => context.stream(`share ${id}`)),
    totals,
    shares: categoryIds.map((id) => sharesById[id] ?? averageShare),
    volatility: 0.02,
    minimum: 1,
  });
  return { shape: "breakdown", categoryIds, counts };
}
