import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { chartPackPath } from "../src/charts/chart-cache.ts";
import { loadDataset, type Dataset } from "../src/data/load.ts";
import { everyChartDrawnMarker, markEveryChartDrawn } from "../scripts/build/every-chart-drawn.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

describe("marking every chart drawn", () => {
  let dataset: Dataset;
  const setting = process.env.SCORECARD_CHART_CACHE;

  beforeAll(() => {
    dataset = loadDataset("data").dataset!;
  });

  afterEach(() => {
    if (setting === undefined) delete process.env.SCORECARD_CHART_CACHE;
    else process.env.SCORECARD_CHART_CACHE = setting;
  });

  function useCacheFolder(): string {
    const folder = makeTemporaryFolder("scorecard-marker-");
    process.env.SCORECARD_CHART_CACHE = folder;
    return folder;
  }

  it("writes the marker beside a saved pack", () => {
    const folder = useCacheFolder();
    writeFileSync(chartPackPath(folder), "scorecard-chart-pack 1 ...");

    markEveryChartDrawn(dataset);

    expect(existsSync(everyChartDrawnMarker(dataset)!)).toBe(true);
  });

  it("writes no marker without a pack", () => {
    useCacheFolder();

    markEveryChartDrawn(dataset);

    expect(existsSync(everyChartDrawnMarker(dataset)!)).toBe(false);
  });

  it("writes no marker when the pack is a folder", () => {
    const folder = useCacheFolder();
    mkdirSync(chartPackPath(folder));

    markEveryChartDrawn(dataset);

    expect(existsSync(everyChartDrawnMarker(dataset)!)).toBe(false);
  });

  it("names the marker after the cache folder", () => {
    const folder = useCacheFolder();
    expect(everyChartDrawnMarker(dataset)!.startsWith(join(folder, ".prerendered-"))).toBe(true);
  });
});
