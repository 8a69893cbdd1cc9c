import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the real data in data/, shared by every test file. */
    realSite: string;
    /** The example data folder, and the site built from it, shared by every test file. */
    exampleData: string;
    exampleSite: string;
  }
}

/** Months of example data: enough to reach the unpublished month, the revision and the correction. */
const EXAMPLE_MONTHS = 40;

export default function setup(project: TestProject): void {
  project.provide("realSite", buildSite({ SCORECARD_DATA: "data" }));

  const exampleData = join(mkdtempSync(join(tmpdir(), "scorecard-example-")), "data");
  const generated = spawnSync(
    "npx",
    ["tsx", "scripts/example-data.ts", "--out", exampleData, "--months", String(EXAMPLE_MONTHS)],
    { encoding: "utf8" },
  );
  if (generated.status !== 0) throw new Error(`example data failed:\n${generated.stderr}`);
  project.provide("exampleData", exampleData);
  project.provide("exampleSite", buildSite({ SCORECARD_DATA: exampleData }));
}
