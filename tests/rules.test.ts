import { describe, expect, it } from "vitest";
import type { Observation } from "../src/model/types.ts";
import { directionOfTravel } from "../src/rules/direction.ts";
import {
  formatDate,
  formatDifference,
  formatObservation,
  formatValue,
} from "../src/rules/format.ts";
import { rateObservation, type RatingRule } from "../src/rules/rag.ts";
import { targetInForce } from "../src/rules/targets.ts";

const value = (
  figure: number,
  extra: Partial<Observation & { kind: "value" }> = {},
): Observation => ({
  kind: "value",
  value: figure,
  ...extra,
});
const missing: Observation = { kind: "missing", reason: "lost from the source" };
const suppressed: Observation = { kind: "suppressed", marker: "c" };

describe("RAG rating", () => {
  const higher: RatingRule = {
    polarity: "higher-is-better",
    target: 97,
    tolerance: 2,
    decimals: 1,
  };
  const lower: RatingRule = {
    polarity: "lower-is-better",
    target: 546,
    tolerance: 27,
    decimals: 0,
  };

  it.each([
    ["above the target", higher, 100, "Strong"],
    ["exactly on the target", higher, 97, "Strong"],
    ["just short, within tolerance", higher, 95.5, "Acceptable"],
    ["short by exactly the tolerance", higher, 95, "Acceptable"],
    ["short by more than the tolerance", higher, 94.9, "Poor"],
    ["rounded as shown before judging", higher, 96.96, "Strong"],
    ["below a lower-is-better target", lower, 500, "Strong"],
    ["over a lower-is-better target, within tolerance", lower, 573, "Acceptable"],
    ["664 children against a target below 546", lower, 664, "Poor"],
    [
      "10.0% against a target below 10%",
      { ...lower, target: 10, tolerance: 1, decimals: 1 },
      10,
      "Strong",
    ],
  ] as const)("%s", (_case, rule, figure, expected) => {
    expect(rateObservation(value(figure), rule)).toEqual({ rating: expected });
  });

  it("has no Acceptable band without a tolerance", () => {
    const rule: RatingRule = {
      polarity: "higher-is-better",
      target: 90,
      tolerance: undefined,
      decimals: 1,
    };
    expect(rateObservation(value(89.9), rule)).toEqual({ rating: "Poor" });
  });

  it.each([
    ["a missing value", missing, higher, "the figure is missing"],
    ["a suppressed value", suppressed, higher, "the figure is suppressed [c]"],
    ["no figure at all", undefined, higher, "no figure was reported"],
    ["no target", value(50), { ...higher, target: undefined }, "no target is set for this period"],
    [
      "no polarity",
      value(50),
      { ...higher, polarity: "none" as const },
      "this indicator is not judged against a target",
    ],
    [
      "a small base",
      value(100, { numerator: 4, denominator: 4 }),
      { ...higher, smallBase: 5 },
      "small base: fewer than 5 in the denominator",
    ],
  ] as const)("gives no rating for %s, with the reason", (_case, observation, rule, reason) => {
    expect(rateObservation(observation, rule)).toEqual({ rating: undefined, reason });
  });
});

describe("direction of travel", () => {
  it.each([
    ["a rise when higher is better", 90, 85, "higher-is-better", "up", "Improved"],
    ["a fall when higher is better", 85, 90, "higher-is-better", "down", "Deteriorated"],
    ["a fall when lower is better", 640, 664, "lower-is-better", "down", "Improved"],
    ["a rise when lower is better", 664, 640, "lower-is-better", "up", "Deteriorated"],
    ["no change", 664, 664, "lower-is-better", "same", "Stayed the same"],
    [
      "a change smaller than the shown precision",
      10.02,
      10.0,
      "lower-is-better",
      "same",
      "Stayed the same",
    ],
    ["a rise with no polarity", 24, 20, "none", "up", undefined],
  ] as const)("%s", (_case, current, previous, polarity, change, direction) => {
    expect(directionOfTravel(value(current), value(previous), polarity, 1)).toEqual({
      change,
      direction,
      previous,
    });
  });

  it.each([
    ["no current figure", missing, value(1), "there is no figure for this period to compare"],
    ["no previous figure", value(1), undefined, "no figure is recorded for the previous period"],
    ["a missing previous figure", value(1), missing, "the previous figure is missing"],
    ["a suppressed previous figure", value(1), suppressed, "the previous figure is suppressed [c]"],
  ] as const)("gives no arrow for %s, with the reason", (_case, current, previous, reason) => {
    expect(directionOfTravel(current, previous, "higher-is-better", 1)).toEqual({
      change: undefined,
      direction: undefined,
      reason,
    });
  });
});

describe("targets over time", () => {
  const targets = [
    { from: "2022-04", value: 90 },
    { from: "2020-04", value: 95 },
  ];

  it.each([
    ["before any target", "2020-03", undefined],
    ["on the first target's start", "2020-04", 95],
    ["the month before a change", "2022-03", 95],
    ["on the change", "2022-04", 90],
    ["long after the change", "2025-01", 90],
  ] as const)("%s", (_case, month, expected) => {
    expect(targetInForce(targets, month)?.value).toBe(expected);
  });
});

describe("en-GB formatting", () => {
  it.each([
    [1234, "count", 0, "1,234"],
    [664, "count", 0, "664"],
    [98.5, "percent", 1, "98.5%"],
    [10, "percent", 1, "10.0%"],
    [0.05, "percent", 1, "0.1%"],
    [467, "days", 0, "467 days"],
    [1, "days", 0, "1 day"],
    [212.1, "days", 1, "212.1 days"],
    [57, "rate", 0, "57 per 10,000"],
  ] as const)("formats %d as a %s", (figure, unit, decimals, expected) => {
    expect(formatValue(figure, unit, decimals)).toBe(expected);
  });

  it.each([
    [3, "count", 0, "+3"],
    [-1.5, "percent", 1, "−1.5 percentage points"],
    [0, "days", 0, "0 days"],
  ] as const)("formats a difference of %d", (difference, unit, decimals, expected) => {
    expect(formatDifference(difference, unit, decimals)).toBe(expected);
  });

  it("says what a figure is when it is not a value", () => {
    expect(formatObservation(missing, "count", 0)).toBe("Missing");
    expect(formatObservation(suppressed, "count", 0)).toBe("Suppressed [c]");
    expect(formatObservation(undefined, "count", 0)).toBe("Not reported");
  });

  it("formats a date without the time zone", () => {
    expect(formatDate("2021-01-15")).toBe("15 January 2021");
    expect(() => formatDate("15/01/2021")).toThrow(
      'invalid date "15/01/2021": expected YYYY-MM-DD',
    );
  });
});
