import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Builds the site with the real build script, as a user would, into a new temporary folder.
 * Returns the folder; throws with the build's output when it fails.
 */
export function buildSite(environment: Record<string, string> = {}): string {
  const outDir = join(mkdtempSync(join(tmpdir(), "scorecard-site-")), "dist");
  const result = spawnSync("npx", ["tsx", "scripts/build.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { ...process.env, ...environment, SCORECARD_OUT: outDir, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}
