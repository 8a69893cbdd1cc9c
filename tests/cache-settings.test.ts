import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chartCacheDirectory } from "../src/charts/chart-cache.ts";
import { parseCacheDirectory } from "../src/data/parse-cache.ts";

const SETTINGS = ["SCORECARD_CHART_CACHE", "SCORECARD_CACHE"] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe.each([
  ["SCORECARD_CHART_CACHE", chartCacheDirectory, "scorecard-charts"],
  ["SCORECARD_CACHE", parseCacheDirectory, "corporate-parenting-scorecard"],
] as const)("%s", (name, cacheDirectory, usualFolder) => {
  it.each(["off", "OFF", "Off", " off", "off ", "off/"])(
    "turns the cache off with %j",
    (setting) => {
      process.env[name] = setting;
      expect(cacheDirectory()).toBeUndefined();
    },
  );

  it("names a folder with any other setting", () => {
    process.env[name] = "offline-cache";
    expect(cacheDirectory()).toBe(resolve("offline-cache"));
  });

  it("uses node_modules/.cache without a setting", () => {
    delete process.env[name];
    expect(cacheDirectory()).toBe(resolve("node_modules", ".cache", usualFolder));
  });
});
