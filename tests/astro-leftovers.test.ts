import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  removeAstroScratchFolder,
  removeEmptyContentModules,
} from "../scripts/build/astro-leftovers.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

describe("Astro's leftovers in a built site", () => {
  it("deletes the empty content modules and keeps other files", () => {
    const site = makeTemporaryFolder("scorecard-leftovers-");
    writeFileSync(join(site, "content-assets.mjs"), "export default new Map();");
    writeFileSync(join(site, "content-modules.mjs"), "export default new Map();\n");
    writeFileSync(join(site, "index.html"), "<!doctype html>\n");

    removeEmptyContentModules(site);

    expect(readdirSync(site)).toEqual(["index.html"]);
  });

  it("keeps a content module that is not empty", () => {
    const site = makeTemporaryFolder("scorecard-leftovers-");
    writeFileSync(join(site, "content-modules.mjs"), 'export default new Map([["a", 1]]);\n');

    removeEmptyContentModules(site);

    expect(readdirSync(site)).toEqual(["content-modules.mjs"]);
  });
});

describe("Astro's scratch folder before a build", () => {
  function projectWithLeftover(): string {
    const project = makeTemporaryFolder("scorecard-scratch-");
    mkdirSync(join(project, ".astro", "chunks"), { recursive: true });
    writeFileSync(join(project, ".astro", "chunks", "manifest_abc.mjs"), "export {};\n");
    return project;
  }

  it("is deleted for an output outside the project", () => {
    const project = projectWithLeftover();
    removeAstroScratchFolder(project, join(makeTemporaryFolder("scorecard-out-"), "site.partial"));
    expect(existsSync(join(project, ".astro"))).toBe(false);
  });

  it("is kept for an output inside the project", () => {
    const project = projectWithLeftover();
    removeAstroScratchFolder(project, join(project, "dist.partial"));
    expect(readdirSync(join(project, ".astro", "chunks"))).toEqual(["manifest_abc.mjs"]);
  });
});
