import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProcessMeasurement {
  wallMs: number;
  cpuMs: number;
  peakMemoryBytes: number;
}

const USAGE_PROBE = new URL("./usage-probe.mjs", import.meta.url).pathname;

/**
 * Runs `node [nodeArguments] script [scriptArguments]` with the usage probe preloaded and returns
 * its wall time, CPU time and peak memory. Throws with the process's output when it fails.
 */
export async function runMeasured(
  nodeArguments: string[],
  environment: Record<string, string>,
  cwd: string,
): Promise<ProcessMeasurement> {
  const scratch = mkdtempSync(join(tmpdir(), "scorecard-bench-usage-"));
  const usageFile = join(scratch, "usage.json");
  // Also deleted when the bench exits early, as on Ctrl-C.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once("exit", removeScratch);
  const started = performance.now();
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, ["--import", USAGE_PROBE, ...nodeArguments], {
          cwd,
          env: {
            ...process.env,
            ...environment,
            BENCH_USAGE_FILE: usageFile,
            ASTRO_TELEMETRY_DISABLED: "1",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let collected = "";
        child.stdout.on("data", (chunk: Buffer) => (collected += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (collected += chunk.toString()));
        child.on("error", reject);
        child.on("close", (exitCode) => resolve({ code: exitCode, output: collected }));
      },
    );
    const wallMs = performance.now() - started;
    if (code !== 0) {
      throw new Error(`node ${nodeArguments.join(" ")} failed with exit code ${code}:\n${output}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as Omit<ProcessMeasurement, "wallMs">;
    return { wallMs, ...usage };
  } finally {
    process.off("exit", removeScratch);
    removeScratch();
  }
}
