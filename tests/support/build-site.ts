import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const PROJECT_ROOT = new URL("../..", import.meta.url).pathname;

/**
 * The folder test builds go in. It sits inside the project, as dist/ does, because Astro 5.18
 * writes stray content-assets.mjs and content-modules.mjs files into an output folder outside
 * the project, so a build under the system's temporary folder is not the site users get.
 */
const BUILDS_FOLDER = join(PROJECT_ROOT, ".build");

/** Variables vitest sets in its own process, which a user's build would not have. */
const VITEST_VARIABLES = [
  "TEST",
  "VITEST",
  "VITEST_MODE",
  "NODE_ENV",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
];

/**
 * Builds the site with the real build script, as a user would, into a new folder under .build/.
 * Returns the folder; throws with the build's output when it fails.
 */
export function buildSite(environment: Record<string, string> = {}): string {
  mkdirSync(BUILDS_FOLDER, { recursive: true });
  const outDir = join(mkdtempSync(join(BUILDS_FOLDER, "site-")), "dist");
  const inherited = { ...process.env };
  for (const name of [...VITEST_VARIABLES, "BASE_URL"]) delete inherited[name];
  const result = spawnSync("npx", ["tsx", "scripts/build.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, ...environment, SCORECARD_OUT: outDir, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** Removes a folder made by buildSite, with the temporary folder around it. */
export function removeBuild(outDir: string): void {
  rmSync(dirname(outDir), { recursive: true, force: true });
}
