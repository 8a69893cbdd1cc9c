import type { TestProject } from "vitest/node";
import { buildSite } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the real data in data/, shared by every test file. */
    realSite: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide("realSite", buildSite({ SCORECARD_DATA: "data" }));
}
