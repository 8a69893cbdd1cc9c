import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildSite, removeBuild } from "./build-site.ts";
import { makeHostileData } from "./hostile-data.ts";
import { SITE_BUILD_PLANS, type BuiltSite } from "./sites.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the real data in data/, shared by every test file. */
    realSite: string;
    /** Every site in SITE_BUILD_PLANS, built once and shared by every test file. */
    sites: BuiltSite[];
    /** The site built from a copy of data/ with markup in its text fields. */
    hostileSite: string;
  }
}

/**
 * Builds each site the tests need once, one after another: Astro keeps its state in .astro/ in
 * the project, so two builds at once could overwrite each other's files.
 */
export default function setup(project: TestProject): () => void {
  const sites: BuiltSite[] = SITE_BUILD_PLANS.map((plan) => {
    const data = typeof plan.data === "string" ? plan.data : plan.data();
    const started = performance.now();
    const directory = buildSite({
      ...plan.environment,
      SCORECARD_DATA: data,
      SCORECARD_BASE: plan.base,
    });
    logBuild(plan.name, started);
    return { name: plan.name, directory, base: plan.base };
  });
  const started = performance.now();
  const hostileData = makeHostileData();
  const hostileSite = buildSite({ SCORECARD_DATA: hostileData });
  logBuild("hostile", started);

  project.provide("sites", sites);
  project.provide("realSite", sites.find((site) => site.name === "real")!.directory);
  project.provide("hostileSite", hostileSite);
  return () => {
    for (const site of sites) removeBuild(site.directory);
    removeBuild(hostileSite);
    rmSync(hostileData, { recursive: true, force: true });
  };
}

function logBuild(name: string, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`global setup: built the ${name} site in ${seconds} s`);
}
