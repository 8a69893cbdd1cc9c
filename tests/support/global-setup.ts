import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, removeBuild } from "./build-site.ts";
import { makeHostileData } from "./hostile-data.ts";
import { SITE_BUILD_PLANS, type BuiltSite, type DataSet } from "./sites.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the real data in data/, shared by every test file. */
    realSite: string;
    /** The example data folder, and the site built from it, shared by every test file. */
    exampleData: string;
    exampleSite: string;
    /** Every site in SITE_BUILD_PLANS, built once and shared by every test file. */
    sites: BuiltSite[];
    /** The site built from a copy of data/ with markup in its text fields. */
    hostileSite: string;
  }
}

/** Months of example data: enough to reach the unpublished month, the revision and the correction. */
const EXAMPLE_MONTHS = 40;

function generateExampleData(): string {
  const folder = join(mkdtempSync(join(tmpdir(), "scorecard-example-")), "data");
  const generated = spawnSync(
    "npx",
    ["tsx", "scripts/example-data.ts", "--out", folder, "--months", String(EXAMPLE_MONTHS)],
    { encoding: "utf8" },
  );
  if (generated.status !== 0) throw new Error(`example data failed:\n${generated.stderr}`);
  return folder;
}

/**
 * Builds each site the tests need once, one after another: Astro keeps its state in .astro/ in
 * the project, so two builds at once could overwrite each other's files.
 */
export default function setup(project: TestProject): () => void {
  const dataFolders: Record<DataSet, string> = { real: "data", example: generateExampleData() };
  const sites: BuiltSite[] = SITE_BUILD_PLANS.map((plan) => {
    const started = performance.now();
    const directory = buildSite({
      ...plan.environment,
      SCORECARD_DATA: dataFolders[plan.data],
      SCORECARD_BASE: plan.base,
    });
    logBuild(plan.name, started);
    return { name: plan.name, directory, base: plan.base };
  });
  const started = performance.now();
  const hostileData = makeHostileData();
  const hostileSite = buildSite({ SCORECARD_DATA: hostileData });
  logBuild("hostile", started);

  const siteNamed = (name: string) => sites.find((site) => site.name === name)!.directory;
  project.provide("sites", sites);
  project.provide("realSite", siteNamed("real"));
  project.provide("exampleData", dataFolders.example);
  project.provide("exampleSite", siteNamed("example"));
  project.provide("hostileSite", hostileSite);
  return () => {
    for (const site of sites) removeBuild(site.directory);
    removeBuild(hostileSite);
    rmSync(hostileData, { recursive: true, force: true });
    rmSync(dirname(dataFolders.example), { recursive: true, force: true });
  };
}

function logBuild(name: string, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`global setup: built the ${name} site in ${seconds} s`);
}
