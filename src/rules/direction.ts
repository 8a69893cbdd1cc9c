import type { Observation, Polarity } from "../model/types.ts";
import { roundTo } from "./rounding.ts";

export type Direction = "Improved" | "Stayed the same" | "Deteriorated";
export type Change = "up" | "down" | "same";

export type DirectionResult =
  | { change: Change; direction: Direction | undefined; previous: number }
  | { change: undefined; direction: undefined; reason: string };

/**
 * Compares a value with the previous period's, as both are shown (rounded to `decimals`).
 * The change is up, down or the same; polarity turns it into a direction of travel. An indicator
 * without polarity still reports its change but no direction.
 */
export function directionOfTravel(
  current: Observation | undefined,
  previous: Observation | undefined,
  polarity: Polarity,
  decimals: number,
): DirectionResult {
  if (!current || current.kind !== "value") {
    return noDirection("there is no figure for this period to compare");
  }
  if (!previous) return noDirection("no figure is recorded for the previous period");
  if (previous.kind === "missing") {
    return noDirection("the previous figure is missing");
  }
  if (previous.kind === "suppressed") {
    return noDirection(`the previous figure is suppressed [${previous.marker}]`);
  }
  const difference = roundTo(current.value, decimals) - roundTo(previous.value, decimals);
  let change: Change = "same";
  if (difference > 0) change = "up";
  if (difference < 0) change = "down";
  return { change, direction: judgeChange(change, polarity), previous: previous.value };
}

function judgeChange(change: Change, polarity: Polarity): Direction | undefined {
  if (change === "same") return "Stayed the same";
  if (polarity === "none") return undefined;
  const better = polarity === "higher-is-better" ? "up" : "down";
  return change === better ? "Improved" : "Deteriorated";
}

function noDirection(reason: string): DirectionResult {
  return { change: undefined, direction: undefined, reason };
}
