import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const PROJECT_ROOT = new URL("../..", import.meta.url).pathname;
const BUILD_ARGUMENTS = ["scripts/build.mjs"];

/**
 * The folder test builds go in. It sits inside the project, as dist/ does, because Astro 5.18
 * builds an output folder outside the project by way of .astro/ and leaves empty content modules
 * in it, so a build under the system's temporary folder is not quite the build users get.
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

interface BuildCommand {
  outDir: string;
  options: { cwd: string; env: NodeJS.ProcessEnv };
}

function prepareBuild(environment: Record<string, string>, outDir?: string): BuildCommand {
  mkdirSync(BUILDS_FOLDER, { recursive: true });
  outDir ??= join(mkdtempSync(join(BUILDS_FOLDER, "site-")), "dist");
  const inherited = { ...process.env };
  for (const name of [...VITEST_VARIABLES, "BASE_URL"]) delete inherited[name];
  const env = {
    ...inherited,
    ...environment,
    SCORECARD_OUT: outDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  return { outDir, options: { cwd: PROJECT_ROOT, env } };
}

/**
 * Builds the site with the real build script, as a user would, into a new folder under .build/.
 * Returns the folder; throws with the build's output when it fails.
 */
export function buildSite(environment: Record<string, string> = {}): string {
  const { outDir, options } = prepareBuild(environment);
  const result = spawnSync(process.execPath, BUILD_ARGUMENTS, { ...options, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/**
 * Builds the site as buildSite does without blocking the event loop, for use inside a test file:
 * a test worker blocked for the length of a build misses vitest's calls and reports a timeout.
 */
export async function buildSiteInBackground(
  environment: Record<string, string> = {},
): Promise<string> {
  return (await runBuildInBackground(environment)).outDir;
}

export interface BuildRun {
  outDir: string;
  stdout: string;
  stderr: string;
}

/**
 * Builds the site as buildSiteInBackground does, into `outDir` when given, with `scriptArguments`
 * such as --force after the script. Returns the output folder and what the build printed.
 */
export async function runBuildInBackground(
  environment: Record<string, string> = {},
  { outDir, scriptArguments = [] }: { outDir?: string; scriptArguments?: string[] } = {},
): Promise<BuildRun> {
  const build = prepareBuild(environment, outDir);
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...BUILD_ARGUMENTS, ...scriptArguments],
      { ...build.options, maxBuffer: 16 * 1024 * 1024 },
    );
    return { outDir: build.outDir, stdout, stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`build failed:\n${stdout ?? ""}\n${stderr ?? String(error)}`);
  }
}

/** Removes a folder made by buildSite, with the temporary folder around it, and .build/ once empty. */
export function removeBuild(outDir: string): void {
  rmSync(dirname(outDir), { recursive: true, force: true });
  try {
    rmdirSync(BUILDS_FOLDER);
  } catch {
    // Another build is still in .build/.
  }
}
