import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  clearPlainBuild,
  clearScorecardBuild,
  medianByWallTime,
  roundRatios,
} from "../scripts/bench/cold-rounds.ts";
import type { ProcessMeasurement } from "../scripts/bench/run-measured.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

function build(wallMs: number, cpuMs = wallMs): ProcessMeasurement {
  return { wallMs, cpuMs, peakMemoryBytes: 1 };
}

describe("median of cold builds", () => {
  it("takes the middle build by wall time", () => {
    const middle = build(6_100, 9_000);
    expect(medianByWallTime([build(7_400), middle, build(5_800)])).toBe(middle);
  });

  it("takes the faster middle build of an even number", () => {
    const faster = build(6_000);
    expect(medianByWallTime([build(9_000), build(6_500), faster, build(5_000)])).toBe(faster);
  });

  it("takes the only build of one round", () => {
    const only = build(6_000);
    expect(medianByWallTime([only])).toBe(only);
  });

  it("rejects an empty list", () => {
    expect(() => medianByWallTime([])).toThrow("no measurement");
  });
});

describe("ratios of cold rounds", () => {
  it("divides each round's scorecard time by its plain time", () => {
    const rounds = [
      { scorecard: build(6_000), plain: build(3_000) },
      { scorecard: build(7_000), plain: build(4_000) },
    ];
    expect(roundRatios(rounds)).toEqual([2, 1.75]);
  });
});

describe("clearing between cold rounds", () => {
  it("deletes the scorecard's site, staging folder, record and caches", () => {
    const scratch = makeTemporaryFolder("scorecard-bench-rounds-");
    const folders = {
      data: join(scratch, "data"),
      out: join(scratch, "site"),
      chartCache: join(scratch, "chart-cache"),
      parseCache: join(scratch, "parse-cache"),
    };
    for (const folder of [folders.data, folders.out, `${folders.out}.partial`]) {
      mkdirSync(folder);
    }
    for (const folder of [folders.chartCache, folders.parseCache]) {
      mkdirSync(folder);
      writeFileSync(join(folder, "entry"), "cached");
    }
    writeFileSync(join(scratch, ".site.build-record.json"), "{}");

    clearScorecardBuild(folders);

    expect(readdirSync(scratch)).toEqual(["data"]);
  });

  it("deletes the plain site's output and Astro's scratch folder only", () => {
    const plain = makeTemporaryFolder("scorecard-bench-plain-");
    for (const name of ["dist", ".astro", "src"]) mkdirSync(join(plain, name));

    clearPlainBuild(plain);

    expect(existsSync(join(plain, "dist"))).toBe(false);
    expect(existsSync(join(plain, ".astro"))).toBe(false);
    expect(existsSync(join(plain, "src"))).toBe(true);
  });
});

describe("npm run bench options", () => {
  async function benchFailure(...options: string[]) {
    return promisify(execFile)("npx", ["tsx", "scripts/bench.ts", ...options]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
  }

  it.each([
    [["--rounds", "0"], 'bench: invalid --rounds "0": expected a whole number from 1 to 9'],
    [["--years", "x"], 'bench: invalid --years "x": expected a whole number from 1 to 50'],
    [["--rounds"], "bench: Option '--rounds <value>' argument missing"],
    [["--fast"], "bench: Unknown option '--fast'"],
    [["2"], "bench: Unexpected argument '2'"],
  ])("rejects %j with its usage", async (options, message) => {
    const failure = await benchFailure(...options);

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(message);
    expect(failure?.stderr).toContain("usage: npm run bench -- [--years N] [--rounds N] [--keep]");
  });
});
