import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { chartCodeVersion, chartKey, openChartCache } from "../src/charts/chart-cache.ts";
import { drawPlot } from "../src/charts/draw-plot.ts";
import type { PlotOptions } from "../src/charts/render.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const VERSION = "plot@test charts@test";
const BARS_KEY = chartKey("Bars", { values: [2, 4] }, VERSION);

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

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

/** Returns the keys in a cache folder's pack, read straight from the file. */
function packKeys(folder: string): string[] {
  const text = readFileSync(join(folder, "charts.pack"), "utf8");
  return Object.keys(JSON.parse(text.slice(text.indexOf("\n") + 1)));
}

function storedAndSaved(folder: string, key: string, svg: string, now = Date.now()): void {
  const cache = openChartCache(folder, now);
  cache.write(key, svg);
  cache.save();
}

describe("chart cache", () => {
  it("returns the SVG it stored, byte for byte", () => {
    const folder = temporaryFolder();
    const svg = drawPlot(barOptions([3, 5, 8]), "Example bars");
    const key = chartKey("Example bars", { values: [3, 5, 8] }, VERSION);

    storedAndSaved(folder, key, svg);
    const read = openChartCache(folder).read(key);

    expect(read).toBe(svg);
    expect(read).toBe(drawPlot(barOptions([3, 5, 8]), "Example bars"));
  });

  it("returns a chart written before saving", () => {
    const cache = openChartCache(temporaryFolder());
    cache.write("a".repeat(64), "<svg>a</svg>");
    expect(cache.read("a".repeat(64))).toBe("<svg>a</svg>");
  });

  it("keeps everything in one file", () => {
    const folder = temporaryFolder();
    const cache = openChartCache(folder);
    cache.write("a".repeat(64), "<svg>a</svg>");
    cache.write("b".repeat(64), "<svg>b</svg>");
    cache.save();
    expect(readdirSync(folder).filter((name) => !name.startsWith("."))).toEqual(["charts.pack"]);
    expect(packKeys(folder).sort()).toEqual(["a".repeat(64), "b".repeat(64)]);
  });

  it("writes nothing until it is saved", () => {
    const folder = temporaryFolder();
    openChartCache(folder).write("a".repeat(64), "<svg>a</svg>");
    expect(existsSync(join(folder, "charts.pack"))).toBe(false);
    expect(openChartCache(folder).read("a".repeat(64))).toBeUndefined();
  });

  it("misses a key it never stored", () => {
    const folder = temporaryFolder();
    storedAndSaved(folder, chartKey("Stored", { values: [1] }, VERSION), "<svg></svg>");
    const cache = openChartCache(folder);
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
    ["an empty file", () => "", "is not a chart pack"],
    [
      "a file cut short",
      (text: string) => text.slice(0, text.length - 10),
      "does not match the hash on its first line",
    ],
    [
      "a file whose JSON does not match its hash",
      (text: string) => text.replace("<svg", "<SVG"),
      "does not match the hash on its first line",
    ],
    [
      "a file of another format",
      (text: string) => text.replace("pack 1", "pack 9"),
      "is not a chart pack",
    ],
    [
      "a file whose JSON is invalid",
      () => `scorecard-chart-pack 1 ${sha256("{")}\n{`,
      "is not valid JSON",
    ],
    [
      "a file whose entries are not charts",
      () => {
        const json = JSON.stringify({ [BARS_KEY]: "<svg></svg>" });
        return `scorecard-chart-pack 1 ${sha256(json)}\n${json}`;
      },
      undefined,
    ],
  ])("ignores %s and replaces it on save", (_, damage, reason) => {
    const folder = temporaryFolder();
    const key = BARS_KEY;
    const svg = drawPlot(barOptions([2, 4]), "Bars");
    storedAndSaved(folder, key, svg);
    const packPath = join(folder, "charts.pack");
    writeFileSync(packPath, damage(readFileSync(packPath, "utf8")));
    const reported: [string, string][] = [];

    const cache = openChartCache(folder, Date.now(), (path, why) => reported.push([path, why]));
    expect(cache.read(key)).toBeUndefined();
    expect(reported).toEqual(reason === undefined ? [] : [[packPath, reason]]);
    cache.write(key, svg);
    cache.save();
    expect(openChartCache(folder).read(key)).toBe(svg);
  });

  it.each([
    [
      "a folder",
      (path: string) => mkdirSync(path),
      "is a folder, not a file: delete it, so that this cache can save its charts",
    ],
    // Reading a named pipe would wait for a writer forever.
    [
      "a named pipe",
      (path: string) => execFileSync("mkfifo", [path]),
      "is not a plain file, so it is replaced",
    ],
  ])("reports a pack that is %s without reading it", (_, make, reason) => {
    const folder = temporaryFolder();
    const packPath = join(folder, "charts.pack");
    make(packPath);
    const reported: [string, string][] = [];

    const cache = openChartCache(folder, Date.now(), (path, why) => reported.push([path, why]));

    expect(cache.read(BARS_KEY)).toBeUndefined();
    expect(reported).toEqual([[packPath, reason]]);
  });

  it("skips pruning when its marker is a named pipe", () => {
    const folder = temporaryFolder();
    const marker = join(folder, ".last-pruned");
    execFileSync("mkfifo", [marker]);
    // Two days old, so that the cache prunes and then writes its marker.
    const dayAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(marker, dayAgo, dayAgo);

    const cache = openChartCache(folder);

    expect(cache.read(BARS_KEY)).toBeUndefined();
  });

  it("leaves no temporary files after saving", () => {
    const folder = temporaryFolder();
    const cache = openChartCache(folder);
    cache.write("a".repeat(64), "<svg>a</svg>");
    cache.save();
    cache.write("a".repeat(64), "<svg>b</svg>");
    cache.save();
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(openChartCache(folder).read("a".repeat(64))).toBe("<svg>b</svg>");
  });

  it("deletes its temporary file when the save fails", () => {
    const folder = temporaryFolder();
    // A folder in the pack's place makes the rename fail.
    mkdirSync(join(folder, "charts.pack"));
    const cache = openChartCache(folder);
    cache.write("a".repeat(64), "<svg>a</svg>");

    expect(() => cache.save()).toThrow(/charts\.pack/);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the charts another process saved meanwhile", () => {
    const folder = temporaryFolder();
    const first = openChartCache(folder);
    const second = openChartCache(folder);
    // Each loads the pack before the other saves.
    expect(first.read("a".repeat(64))).toBeUndefined();
    expect(second.read("a".repeat(64))).toBeUndefined();
    first.write("a".repeat(64), "<svg>a</svg>");
    second.write("b".repeat(64), "<svg>b</svg>");
    first.save();
    second.save();

    const reopened = openChartCache(folder);
    expect(reopened.read("a".repeat(64))).toBe("<svg>a</svg>");
    expect(reopened.read("b".repeat(64))).toBe("<svg>b</svg>");
  });

  it("drops charts no build used for 90 days", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    storedAndSaved(folder, "1".repeat(64), "<svg>old</svg>", now - 91 * DAY_MS);
    storedAndSaved(folder, "2".repeat(64), "<svg>recent</svg>", now - 89 * DAY_MS);

    storedAndSaved(folder, "3".repeat(64), "<svg>new</svg>", now);

    expect(packKeys(folder).sort()).toEqual(["2".repeat(64), "3".repeat(64)]);
  });

  it("keeps a chart that a build read within 90 days", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    storedAndSaved(folder, "1".repeat(64), "<svg>read</svg>", now - 150 * DAY_MS);
    const reader = openChartCache(folder, now - 80 * DAY_MS);
    expect(reader.read("1".repeat(64))).toBe("<svg>read</svg>");
    reader.save();

    storedAndSaved(folder, "2".repeat(64), "<svg>new</svg>", now);

    expect(packKeys(folder).sort()).toEqual(["1".repeat(64), "2".repeat(64)]);
  });

  it("deletes files of the one-file-per-chart format, once a day", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    openChartCache(folder, now);
    const oldEntry = `${"1".repeat(64)}.svg`;
    writeFileSync(join(folder, oldEntry), "hash\n<svg></svg>");

    // Pruned on open less than a day ago: the file stays until the next day.
    openChartCache(folder, now + 1000);
    expect(readdirSync(folder)).toContain(oldEntry);

    openChartCache(folder, now + DAY_MS + 1000);
    expect(readdirSync(folder)).not.toContain(oldEntry);
  });

  it("deletes a temporary file a day old", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    const leftOver = join(folder, "charts.pack.123-abcd1234.tmp");
    writeFileSync(leftOver, "half a pack");
    const dayOld = new Date(now - DAY_MS - 1000);
    utimesSync(leftOver, dayOld, dayOld);

    openChartCache(folder, now);

    expect(existsSync(leftOver)).toBe(false);
  });

  it("reads the pack when pruning fails", () => {
    const folder = temporaryFolder();
    const now = Date.now();
    storedAndSaved(folder, "a".repeat(64), "<svg>a</svg>", now);
    // A folder where the pruning marker goes makes the next day's pruning fail.
    rmSync(join(folder, ".last-pruned"));
    mkdirSync(join(folder, ".last-pruned"));
    utimesSync(join(folder, ".last-pruned"), new Date(now), new Date(now));

    const cache = openChartCache(folder, now + 2 * DAY_MS);

    expect(cache.read("a".repeat(64))).toBe("<svg>a</svg>");
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

  it("versions the chart code with Plot, linkedom, the packages and src", () => {
    expect(chartCodeVersion()).toMatch(
      /^@observablehq\/plot@\d+\.\d+\.\d+\S* linkedom@\d+\.\d+\.\d+\S* packages@[0-9a-f]{16} src@[0-9a-f]{16}$/,
    );
  });

  it("changes the version when the installed packages change", () => {
    // A project whose node_modules has the real Plot and linkedom and a list of its own.
    const project = temporaryFolder();
    writeFileSync(join(project, "package.json"), "{}");
    mkdirSync(join(project, "src"));
    mkdirSync(join(project, "node_modules", "@observablehq"), { recursive: true });
    for (const name of ["@observablehq/plot", "linkedom"]) {
      symlinkSync(resolve("node_modules", name), join(project, "node_modules", name), "dir");
    }
    const installed = join(project, "node_modules", ".package-lock.json");
    writeFileSync(installed, '{"packages":{"node_modules/d3-shape":{"version":"3.2.0"}}}');
    const before = chartCodeVersion(project);
    writeFileSync(installed, '{"packages":{"node_modules/d3-shape":{"version":"3.3.0"}}}');

    expect(before).toBeDefined();
    expect(chartCodeVersion(project)).not.toBe(before);
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
    const [key] = packKeys(folder);
    expect(key).toBeDefined();

    // A changed entry is what the next run returns, so it did read the cache.
    const marked = drawn.replace("<svg ", '<svg data-from-cache="yes" ');
    storedAndSaved(folder, key!, marked);
    expect(await renderInChild(folder)).toBe(marked);
  });

  it("warns and still draws when the cache folder cannot be made", async () => {
    const blocker = join(temporaryFolder(), "a-file");
    writeFileSync(blocker, "");
    const { stdout, stderr } = await promisify(execFile)(
      "npx",
      ["tsx", "tests/support/render-one-chart.ts"],
      { env: { ...process.env, SCORECARD_CHART_CACHE: join(blocker, "charts") } },
    );
    expect(stdout).toMatch(/^<svg /);
    expect(stderr).toContain(
      `warning: the chart cache ${join(blocker, "charts")} could not be opened`,
    );
    expect(stderr).toContain("hint: set SCORECARD_CHART_CACHE");
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

    expect(packKeys(cacheFolder).length).toBeGreaterThan(0);
    expect([...cold.keys()].sort()).toEqual([...uncached.keys()].sort());
    for (const [path, text] of uncached) {
      expect(cold.get(path), path).toBe(text);
      expect(warm.get(path), path).toBe(text);
    }
  });
});
