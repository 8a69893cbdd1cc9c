import { rmSync } from "node:fs";
import { join } from "node:path";
import { buildRecordPath } from "../build/build-record.ts";
import type { ProcessMeasurement } from "./run-measured.ts";
import type { ScorecardBuildFolders } from "./site-builds.ts";

/** One round of cold builds: the scorecard site, then the plain site. */
export interface ColdRound {
  scorecard: ProcessMeasurement;
  plain: ProcessMeasurement;
}

/**
 * Returns the measurement with the median wall time, so that its CPU time and memory come from
 * the same build. Of an even number, the faster of the two in the middle.
 */
export function medianByWallTime(measurements: readonly ProcessMeasurement[]): ProcessMeasurement {
  if (measurements.length === 0) throw new Error("no measurement to take the median of");
  const sorted = [...measurements].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Returns each round's ratio of the scorecard's cold wall time to the plain site's. */
export function roundRatios(rounds: readonly ColdRound[]): number[] {
  return rounds.map(({ scorecard, plain }) => scorecard.wallMs / plain.wallMs);
}

/**
 * Deletes what a scorecard build leaves behind (the site, its staging folder and build record,
 * and both caches), so that the next build is as cold as the first.
 */
export function clearScorecardBuild(folders: ScorecardBuildFolders): void {
  for (const path of [
    folders.out,
    `${folders.out}.partial`,
    buildRecordPath(folders.out),
    folders.chartCache,
    folders.parseCache,
  ]) {
    rmSync(path, { recursive: true, force: true });
  }
}

/** Deletes the plain site's output and Astro's scratch folder, as before its first build. */
export function clearPlainBuild(directory: string): void {
  for (const name of ["dist", ".astro"]) {
    rmSync(join(directory, name), { recursive: true, force: true });
  }
}
