import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { chartCodeVersion, chartKey, openChartCache } from "../src/charts/chart-cache.ts";
import { drawPlot, type PlotOptions } from "../src/charts/render.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const VERSION = "plot@test charts@test";

function temporaryFolder(): string {
  return makeTemporaryFolder("scorecard-chart-cache-");
}

function barOptions(values: number[], extra: Partial<PlotOptions> = {}): PlotOptions {
  const data = values.map((value, index) => ({ label: `Category ${index + 1}`, value }));
  return {
    width: 640,
    height: 200,
    marks: [Plot.barX(data, { x: "value", y: "label", className: "bar" })],
    ...extra,
  };
}

function entryFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith(".svg"));
}

describe("chart cache", () => {
  it("returns the SVG it stored, byte for byte", () => {
    const folder = temporaryFolder();
    const svg = drawPlot(barOptions([3, 5, 8]), "Example bars");
    const key = chartKey("Example bars", { values: [3, 5, 8] }, VERSION);

    openChartCache(folder).write(key, svg);
    const read = openChartCache(folder).read(key);

    expect(read).toBe(svg);
    expect(read).toBe(drawPlot(barOptions([3, 5, 8]), "Example bars"));
  });

  it("misses a key it never stored", () => {
    const cache = openChartCache(temporaryFolder());
    cache.write(chartKey("Stored", { values: [1] }, VERSION), "<svg></svg>");
    expect(cache.read(chartKey("Stored", { values: [2] }, VERSION))).toBeUndefined();
  });

  it("keys the same spec the same way", () => {
    expect(chartKey("Bars", { values: [3, 5, 8] }, VERSION)).toBe(
      chartKey("Bars", { values: [3, 5, 8] }, VERSION),
    );
  });

  const base = chartKey("Bars", { values: [3, 5, 8], percent: false }, VERSION);
  it.each([
    ["a changed figure", chartKey("Bars", { values: [3, 5, 9], percent: false }, VERSION)],
    [
      "a figure that becomes missing",
      chartKey("Bars", { values: [3, 5, NaN], percent: false }, VERSION),
    ],
    ["an extra category", chartKey("Bars", { values: [3, 5, 8, 1], percent: false }, VERSION)],
    ["a changed setting", chartKey("Bars", { values: [3, 5, 8], percent: true }, VERSION)],
    [
      "a changed accessible name",
      chartKey("Other bars", { values: [3, 5, 8], percent: false }, VERSION),
    ],
    [
      "a changed code version",
      chartKey("Bars", { values: [3, 5, 8], percent: false }, "plot@test charts@new"),
    ],
  ])("changes the key for %s", (_, changed) => {
    expect(changed).not.toBe(base);
  });

  it.each([
    ["an empty file", ""],
    ["a file cut short", "truncated"],
    ["a file whose SVG does not match its hash", "0".repeat(64) + "\n<svg>changed</svg>"],
  ])("ignores %s and rewrites it", (_, corruptText) => {
    const folder = temporaryFolder();
    const key = chartKey("Bars", { values: [2, 4] }, VERSION);
    const svg = drawPlot(barOptions([2, 4]), "Bars");
    const cache = openChartCache(folder);
    cache.write(key, svg);
    const [file] = entryFiles(folder);
    writeFileSync(join(folder, file!), corruptText);

    expect(cache.read(key)).toBeUndefined();
    cache.write(key, svg);
    expect(cache.read(key)).toBe(svg);
    expect(readFileSync(join(folder, file!), "utf8")).toContain(svg);
  });

  it("leaves no temporary files after writing", () => {
    const folder = temporaryFolder();
    const cache = openChartCache(folder);
    cache.write("a".repeat(64), "<svg>a</svg>");
    cache.write("a".repeat(64), "<svg>b</svg>");
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(cache.read("a".repeat(64))).toBe("<svg>b</svg>");
  });

  it("deletes entries unused for 90 days, at most once a day", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    const cache = openChartCache(folder, now);
    cache.write("1".repeat(64), "<svg>old</svg>");
    cache.write("2".repeat(64), "<svg>recent</svg>");
    const oldTime = new Date(now - 91 * DAY_MS);
    utimesSync(join(folder, `${"1".repeat(64)}.svg`), oldTime, oldTime);

    // Pruned on open less than a day ago: the old entry stays until the next day.
    openChartCache(folder, now + 1000);
    expect(entryFiles(folder)).toHaveLength(2);

    openChartCache(folder, now + DAY_MS + 1000);
    expect(entryFiles(folder)).toEqual([`${"2".repeat(64)}.svg`]);
  });

  it("prunes only files the cache wrote", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    writeFileSync(join(folder, "2020-12.yaml"), "period: 2020-12\n");
    const oldTime = new Date(now - 91 * DAY_MS);
    utimesSync(join(folder, "2020-12.yaml"), oldTime, oldTime);

    openChartCache(folder, now);

    expect(readdirSync(folder)).toContain("2020-12.yaml");
  });

  it("versions the chart code with Plot, linkedom and src", () => {
    expect(chartCodeVersion()).toMatch(
      /^@observablehq\/plot@\d+\.\d+\.\d+\S* linkedom@\d+\.\d+\.\d+\S* src@[0-9a-f]{16}$/,
    );
  });

  it("changes the version when a source file changes", () => {
    const project = temporaryFolder();
    symlinkSync(resolve("node_modules"), join(project, "node_modules"), "dir");
    writeFileSync(join(project, "package.json"), "{}");
    mkdirSync(join(project, "src", "charts"), { recursive: true });
    writeFileSync(join(project, "src", "charts", "example.ts"), "export const width = 640;\n");
    const before = chartCodeVersion(project);
    writeFileSync(join(project, "src", "charts", "example.ts"), "export const width = 600;\n");

    expect(before).toBeDefined();
    expect(chartCodeVersion(project)).not.toBe(before);
  });

  it("has no version without the project's packages", () => {
    expect(chartCodeVersion(temporaryFolder())).toBeUndefined();
  });
});

describe("renderChart with the disk cache", () => {
  // Runs without blocking, so that the test runner can still hear from this file meanwhile.
  async function renderInChild(cacheFolder: string): Promise<string> {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "tests/support/render-one-chart.ts"],
      { env: { ...process.env, SCORECARD_CHART_CACHE: cacheFolder } },
    );
    return stdout;
  }

  it("stores a drawn chart and reads it back in the next build", async () => {
    const folder = temporaryFolder();
    const drawn = await renderInChild(folder);
    expect(drawn).toMatch(/^<svg /);
    const [file] = entryFiles(folder);
    expect(file).toBeDefined();

    // A changed entry with a valid hash is what the next run returns, so it did read the cache.
    const marked = drawn.replace("<svg ", '<svg data-from-cache="yes" ');
    openChartCache(folder).write(file!.replace(/\.svg$/, ""), marked);
    expect(await renderInChild(folder)).toBe(marked);
  });

  it("draws every chart when the cache is off", async () => {
    const drawn = await renderInChild("off");
    expect(drawn).toMatch(/^<svg /);
    // "off" turns the cache off rather than naming a folder to keep it in.
    expect(existsSync("off")).toBe(false);
  });
});

describe("site build with the chart cache", () => {
  function filesOf(folder: string): Map<string, string> {
    const files = new Map<string, string>();
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(folder.length), readFileSync(path, "utf8"));
    }
    return files;
  }

  // Builds without blocking, so that the test runner can still hear from this file meanwhile.
  async function buildSite(chartCache: string): Promise<string> {
    const outDir = join(temporaryFolder(), "dist");
    await promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
      env: {
        ...process.env,
        SCORECARD_DATA: "data",
        SCORECARD_OUT: outDir,
        SCORECARD_CHART_CACHE: chartCache,
      },
    });
    return outDir;
  }

  it("writes the same bytes cold, warm and uncached", async () => {
    const cacheFolder = temporaryFolder();
    const cold = filesOf(await buildSite(cacheFolder));
    const warm = filesOf(await buildSite(cacheFolder));
    const uncached = filesOf(await buildSite("off"));

    expect(entryFiles(cacheFolder).length).toBeGreaterThan(0);
    expect([...cold.keys()].sort()).toEqual([...uncached.keys()].sort());
    for (const [path, text] of uncached) {
      expect(cold.get(path), path).toBe(text);
      expect(warm.get(path), path).toBe(text);
    }
  });
});
