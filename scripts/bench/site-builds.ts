import { join } from "node:path";
import { runMeasured, type ProcessMeasurement } from "./run-measured.ts";

export interface ScorecardBuildFolders {
  data: string;
  out: string;
  chartCache: string;
  /** The loader's cache of parsed data files. */
  parseCache: string;
}

/**
 * Builds the scorecard site as `npm run build` does, with `scriptArguments` such as --force after
 * the script, and measures it.
 */
export function buildScorecard(
  projectRoot: string,
  folders: ScorecardBuildFolders,
  scriptArguments: string[] = [],
): Promise<ProcessMeasurement> {
  return runMeasured(
    ["scripts/build.mjs", ...scriptArguments],
    {
      SCORECARD_DATA: folders.data,
      SCORECARD_OUT: folders.out,
      SCORECARD_CHART_CACHE: folders.chartCache,
      SCORECARD_CACHE: folders.parseCache,
    },
    projectRoot,
  );
}

/** Builds the plain site written by writePlainSite into its dist/ folder and measures it. */
export function buildPlainSite(directory: string): Promise<ProcessMeasurement> {
  return runMeasured([join(directory, "build.mjs")], {}, directory);
}
