import type { Random } from "./random.ts";
import { constantLevel, meanReverting } from "./shapes.ts";

/**
 * Splits a whole-number total into parts in proportion to the weights by the largest remainder
 * method, so the parts always add up to the total exactly. Each part first gets `minimum`
 * when the total allows it. Ties go to the earlier part, so the split is deterministic.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = total >= minimum * weights.length ? minimum : 0;
  const rest = total - floor * weights.length;
  // Without any positive weight the total is split evenly.
  const usable = weights.some((weight) => weight > 0) ? weights : weights.map(() => 1);
  const weightSum = usable.reduce((sum, weight) => sum + weight, 0);
  const quotas = usable.map((weight) => (rest * weight) / weightSum);
  const parts = quotas.map((quota) => Math.floor(quota));
  let remaining = rest - parts.reduce((sum, part) => sum + part, 0);
  const order = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (remaining === 0) break;
    parts[index]! += 1;
    remaining -= 1;
  }
  return parts.map((part) => part + floor);
}

export interface DriftingBreakdownOptions {
  /** One stream per category, so each share drifts the same whatever the number of months. */
  randoms: readonly Random[];
  /** The total to divide in each month. */
  totals: readonly number[];
  /** Each category's usual share of the total. The shares need not add up to 1. */
  shares: readonly number[];
  /**
   * Monthly wobble of a category with a tenth of the total, relative to its share (0.02 is 2% of
   * it). Smaller categories wobble more, as small counts of children do.
   */
  volatility: number;
  /** The smallest count any category gets while the total allows it. */
  minimum: number;
}

/**
 * Divides each month's total between categories whose shares drift slowly around their usual
 * values. Returns one row of counts per month, in category order, each adding up to its total.
 */
export function driftingBreakdown(options: DriftingBreakdownOptions): number[][] {
  const length = options.totals.length;
  const shareSum = options.shares.reduce((sum, share) => sum + share, 0);
  const factors = options.shares.map((share, category) =>
    meanReverting(options.randoms[category]!, {
      length,
      level: constantLevel(1),
      reversion: 0.1,
      volatility: Math.min(
        0.25,
        options.volatility * Math.sqrt((0.1 * shareSum) / Math.max(share, 1e-6)),
      ),
      minimum: 0.3,
      maximum: 2,
    }),
  );
  return options.totals.map((total, index) => {
    const weights = options.shares.map((share, category) => share * factors[category]![index]!);
    return apportion(total, weights, options.minimum);
  });
}
