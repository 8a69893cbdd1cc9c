import type { Observation, Polarity } from "../model/types.ts";
import { roundTo } from "./rounding.ts";

export type Rating = "Strong" | "Acceptable" | "Poor";

export type RatingResult = { rating: Rating } | { rating: undefined; reason: string };

export interface RatingRule {
  polarity: Polarity;
  /** The target in force for the period, if any. */
  target: number | undefined;
  /** How far short of the target still counts as Acceptable; none means no Acceptable band. */
  tolerance: number | undefined;
  /** Values are compared as shown, rounded to this many decimal places. */
  decimals: number;
  /** A percentage whose denominator is below this is too small a base to rate. */
  smallBase?: number;
}

/**
 * Rates a value against its target. Reaching the target exactly counts as meeting it, so a
 * "below 10%" target is met by 10.0%. A shortfall up to the tolerance is Acceptable; beyond is Poor.
 * A missing or suppressed value, a small base, or an indicator without a target gets no rating,
 * and the result gives the reason.
 */
export function rateObservation(
  observation: Observation | undefined,
  rule: RatingRule,
): RatingResult {
  if (rule.polarity === "none") return unrated("this indicator is not judged against a target");
  if (rule.target === undefined) return unrated("no target is set for this period");
  if (!observation) return unrated("no figure was reported");
  if (observation.kind === "missing") return unrated("the figure is missing");
  if (observation.kind === "suppressed") {
    return unrated(`the figure is suppressed [${observation.marker}]`);
  }
  if (
    rule.smallBase !== undefined &&
    observation.denominator !== undefined &&
    observation.denominator < rule.smallBase
  ) {
    return unrated(`small base: fewer than ${rule.smallBase} in the denominator`);
  }
  return { rating: rateValue(observation.value, rule as RatingRule & { target: number }) };
}

export function rateValue(value: number, rule: RatingRule & { target: number }): Rating {
  const shown = roundTo(value, rule.decimals);
  const shortfall =
    rule.polarity === "higher-is-better" ? rule.target - shown : shown - rule.target;
  if (shortfall <= 0) return "Strong";
  if (rule.tolerance !== undefined && roundTo(shortfall, rule.decimals) <= rule.tolerance) {
    return "Acceptable";
  }
  return "Poor";
}

function unrated(reason: string): RatingResult {
  return { rating: undefined, reason };
}
