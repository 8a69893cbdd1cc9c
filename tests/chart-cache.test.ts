import { execFile, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { chartCodeVersion, chartKey, openChartCache } from "../src/charts/chart-cache.ts";
import { drawPlot, type PlotOptions } from "../src/charts/render.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const VERSION = "plot@test charts@test";

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "scorecard-chart-cache-"));
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
    const options = barOptions([3, 5, 8]);
    const svg = drawPlot(options, "Example bars");
    const key = chartKey(options, "Example bars", VERSION);

    openChartCache(folder).write(key, svg);
    const read = openChartCache(folder).read(key);

    expect(read).toBe(svg);
    expect(read).toBe(drawPlot(barOptions([3, 5, 8]), "Example bars"));
  });

  it("misses a key it never stored", () => {
    const cache = openChartCache(temporaryFolder());
    cache.write(chartKey(barOptions([1]), "Stored", VERSION), "<svg></svg>");
    expect(cache.read(chartKey(barOptions([2]), "Stored", VERSION))).toBeUndefined();
  });

  it("keys the same input the same way", () => {
    expect(chartKey(barOptions([3, 5, 8]), "Bars", VERSION)).toBe(
      chartKey(barOptions([3, 5, 8]), "Bars", VERSION),
    );
  });

  const base = chartKey(barOptions([3, 5, 8]), "Bars", VERSION);
  it.each([
    ["a changed figure", chartKey(barOptions([3, 5, 9]), "Bars", VERSION)],
    ["a figure that becomes missing", chartKey(barOptions([3, 5, NaN]), "Bars", VERSION)],
    ["an extra category", chartKey(barOptions([3, 5, 8, 1]), "Bars", VERSION)],
    ["a changed option", chartKey(barOptions([3, 5, 8], { width: 600 }), "Bars", VERSION)],
    ["a changed accessible name", chartKey(barOptions([3, 5, 8]), "Other bars", VERSION)],
    ["a changed code version", chartKey(barOptions([3, 5, 8]), "Bars", "plot@test charts@new")],
    [
      "an added tick format",
      chartKey(
        barOptions([3, 5, 8], { x: { tickFormat: (value: number) => `${value}%` } }),
        "Bars",
        VERSION,
      ),
    ],
  ])("changes the key for %s", (_, changed) => {
    expect(changed).not.toBe(base);
  });

  it("keys a function by its place alone", () => {
    const withFormat = (format: (value: number) => string) =>
      chartKey(barOptions([1], { x: { tickFormat: format } }), "Bars", VERSION);
    function percent(value: number): string {
      return `${value}%`;
    }
    function count(value: number): string {
      return `${value}`;
    }
    // A changed function shows in the version instead, which hashes the source files.
    expect(withFormat(percent)).toBe(withFormat(count));
    expect(withFormat(percent)).not.toBe(chartKey(barOptions([1]), "Bars", VERSION));
  });

  it("keys an object that refers to itself", () => {
    const options: Record<string, unknown> = { width: 100 };
    options.self = options;
    expect(chartKey(options, "Cycle", VERSION)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["an empty file", ""],
    ["a file cut short", "truncated"],
    ["a file whose SVG does not match its hash", "0".repeat(64) + "\n<svg>changed</svg>"],
  ])("ignores %s and rewrites it", (_, corruptText) => {
    const folder = temporaryFolder();
    const key = chartKey(barOptions([2, 4]), "Bars", VERSION);
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

describe("renderPlot with the disk cache", () => {
  function renderInChild(cacheFolder: string): string {
    const result = spawnSync("npx", ["tsx", "tests/support/render-one-chart.ts"], {
      env: { ...process.env, SCORECARD_CHART_CACHE: cacheFolder },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  }

  it("stores a drawn chart and reads it back in the next build", () => {
    const folder = temporaryFolder();
    const drawn = renderInChild(folder);
    expect(drawn).toMatch(/^<svg /);
    const [file] = entryFiles(folder);
    expect(file).toBeDefined();

    // A changed entry with a valid hash is what the next run returns, so it did read the cache.
    const marked = drawn.replace("<svg ", '<svg data-from-cache="yes" ');
    openChartCache(folder).write(file!.replace(/\.svg$/, ""), marked);
    expect(renderInChild(folder)).toBe(marked);
  });

  it("draws every chart when the cache is off", () => {
    const drawn = renderInChild("off");
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
