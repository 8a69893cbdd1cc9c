import { describe, expect, it } from "vitest";
import { loadDataset } from "../src/data/load.ts";
import { targetInForce } from "../src/rules/targets.ts";
import { rateObservation } from "../src/rules/rag.ts";
import type { Indicator, Observation } from "../src/model/types.ts";
import { makeScratchFolder } from "./support/scratch-data.ts";

const catalogue = loadDataset("data").dataset!.catalogue;
const indicator = (id: string): Indicator => catalogue.indicators.find((entry) => entry.id === id)!;

function rate(id: string, observation: Observation) {
  const entry = indicator(id);
  return rateObservation(observation, {
    polarity: entry.polarity,
    target: targetInForce(entry.targets, "2021-01")?.value,
    tolerance: entry.tolerance,
    decimals: entry.decimals,
    ...(entry.smallBase !== undefined ? { smallBase: entry.smallBase } : {}),
  });
}

describe("small bases", () => {
  it("are set in the catalogue for percentages only", () => {
    const withSmallBase = catalogue.indicators.filter((entry) => entry.smallBase !== undefined);
    expect(withSmallBase.map((entry) => [entry.id, entry.unit, entry.smallBase])).toEqual([
      ["initial-health-assessments", "percent", 10],
      ["adopted", "percent", 10],
      ["care-leavers-in-touch", "percent", 10],
      ["care-leavers-suitable-accommodation", "percent", 10],
    ]);
  });

  it("get no rating below the catalogue's small base", () => {
    expect(rate("adopted", { kind: "value", value: 50, numerator: 3, denominator: 6 })).toEqual({
      rating: undefined,
      reason: "small base: fewer than 10 in the denominator",
    });
  });

  it("are rated from the small base up", () => {
    expect(rate("adopted", { kind: "value", value: 50, numerator: 5, denominator: 10 })).toEqual({
      rating: "Strong",
    });
  });
});

describe("missing and suppressed figures", () => {
  it("are never rated", () => {
    expect(rate("adopted", { kind: "suppressed", marker: "c" }).rating).toBeUndefined();
    expect(rate("adopted", { kind: "missing", reason: "Not recorded." }).rating).toBeUndefined();
  });

  it("never count as zero in a breakdown total", () => {
    // With one category missing, the known categories (9) may fall short of the total (10).
    const folder = makeScratchFolder({
      "2021-01.yaml": `period: "2021-01"
indicators:
  children-in-care: { value: 10 }
  legal-status:
    breakdown:
      full-care-order: 4
      interim-care-order: 3
      voluntary-agreement: 2
      placement-order: { missing: Not recorded this month. }
      other: 0
`,
    });
    const result = loadDataset(folder);
    expect(result.problems).toEqual([]);
    const breakdown = result.dataset!.months[0]!.indicators.get("legal-status")!.breakdown;
    expect(breakdown.get("placement-order")).toEqual({
      kind: "missing",
      reason: "Not recorded this month.",
    });
  });
});
