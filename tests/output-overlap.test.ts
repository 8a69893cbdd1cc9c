import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildRecordPath } from "../scripts/build/build-record.ts";
import {
  cacheInsideOutput,
  outputOverlap,
  unbuiltOutputFolder,
} from "../scripts/build/output-overlap.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const PROJECT = "/work/project";
const DATA = "/work/project/data";

/** Runs a build with extra environment variables and returns its failure, if it failed. */
async function failedBuild(
  environment: Record<string, string>,
): Promise<{ code?: number; stderr?: string } | undefined> {
  return promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
    env: { ...process.env, ...environment },
  }).then(
    () => undefined,
    (error: unknown) => error as { code?: number; stderr?: string },
  );
}

describe("output folder check", () => {
  it.each([
    ["the data folder", DATA, DATA, "is or is inside the data folder"],
    ["a folder in the data folder", `${DATA}/site`, DATA, "is or is inside the data folder"],
    ["the project", PROJECT, DATA, "contains the data folder"],
    ["the file system's root", "/", DATA, "contains the data folder"],
    ["the project, data elsewhere", PROJECT, "/srv/data", "is or contains the project folder"],
  ])("rejects %s", (_, outDir, dataDirectory, reason) => {
    expect(outputOverlap(outDir, dataDirectory, PROJECT)).toBe(reason);
  });

  it.each([
    ["dist in the project", `${PROJECT}/dist`],
    ["a folder beside the data", `${PROJECT}/data-site`],
    ["a folder elsewhere", "/srv/www/scorecard"],
  ])("accepts %s", (_, outDir) => {
    expect(outputOverlap(outDir, DATA, PROJECT)).toBeUndefined();
  });
});

describe("output folder that a build may replace", () => {
  function folderWith(files: string[], { record = false } = {}): string {
    const parent = makeTemporaryFolder("scorecard-output-");
    const outDir = join(parent, "site");
    mkdirSync(outDir);
    for (const file of files) writeFileSync(join(outDir, file), "kept\n");
    if (record) writeFileSync(buildRecordPath(outDir), "{}");
    return outDir;
  }

  it("accepts a folder that does not exist yet", () => {
    const outDir = join(makeTemporaryFolder("scorecard-output-"), "site");
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir))).toBeUndefined();
  });

  it("accepts an empty folder", () => {
    const outDir = folderWith([]);
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir))).toBeUndefined();
  });

  it("accepts a folder a build wrote", () => {
    const outDir = folderWith(["index.html"], { record: true });
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir))).toBeUndefined();
  });

  it("accepts the project's dist", () => {
    const project = makeTemporaryFolder("scorecard-project-");
    mkdirSync(join(project, "dist"));
    writeFileSync(join(project, "dist", "index.html"), "old site\n");
    const outDir = join(project, "dist");
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir), project)).toBeUndefined();
  });

  it("rejects a folder of other files", () => {
    const outDir = folderWith(["notes.txt"]);
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir))).toBe(
      "already contains files that no build wrote",
    );
  });

  it("rejects a file", () => {
    const file = join(makeTemporaryFolder("scorecard-output-"), "README.md");
    writeFileSync(file, "# Notes\n");
    expect(unbuiltOutputFolder(file, buildRecordPath(file))).toBe("is a file, not a folder");
  });

  it("stops the build before it touches the folder", async () => {
    const outDir = folderWith(["notes.txt"]);
    const failure = await failedBuild({ SCORECARD_OUT: outDir });

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(
      `build stopped: the output folder ${outDir} already contains files that no build wrote, ` +
        "and a build replaces the whole output folder\n" +
        `  hint: set SCORECARD_OUT to a new or empty folder, or delete ${outDir} first if it ` +
        "contains an old build\n",
    );
    expect(readdirSync(outDir)).toEqual(["notes.txt"]);
    expect(readFileSync(join(outDir, "notes.txt"), "utf8")).toBe("kept\n");
  });
});

describe("output folder check on the disk", () => {
  it("rejects a data folder named like the staging folder", () => {
    const parent = makeTemporaryFolder("scorecard-output-");
    mkdirSync(join(parent, "site.partial"));
    expect(outputOverlap(join(parent, "site"), join(parent, "site.partial"), PROJECT)).toBe(
      `needs the staging folder ${join(parent, "site.partial")}, which is or is inside the data folder`,
    );
  });

  it("follows a symbolic link to the data folder", () => {
    const parent = makeTemporaryFolder("scorecard-output-");
    mkdirSync(join(parent, "site", "data"), { recursive: true });
    symlinkSync(join(parent, "site", "data"), join(parent, "data-link"));
    expect(outputOverlap(join(parent, "site"), join(parent, "data-link"), PROJECT)).toBe(
      "contains the data folder",
    );
  });

  it("follows a symbolic link to the output folder's parent", () => {
    const parent = makeTemporaryFolder("scorecard-output-");
    mkdirSync(join(parent, "data"));
    symlinkSync(join(parent, "data"), join(parent, "parent-link"));
    expect(outputOverlap(join(parent, "parent-link", "site"), join(parent, "data"), PROJECT)).toBe(
      "is or is inside the data folder",
    );
  });

  it("rejects an output folder that is a symbolic link", () => {
    const parent = makeTemporaryFolder("scorecard-output-");
    mkdirSync(join(parent, "www"));
    symlinkSync(join(parent, "www"), join(parent, "site"));
    const outDir = join(parent, "site");
    expect(unbuiltOutputFolder(outDir, buildRecordPath(outDir))).toBe(
      "is a symbolic link, which the build would replace with a folder",
    );
  });
});

describe("cache folder check", () => {
  it.each([
    ["the output folder", `${PROJECT}/dist`, `is or is inside the output folder ${PROJECT}/dist`],
    [
      "a folder in the output folder",
      `${PROJECT}/dist/cache`,
      `is or is inside the output folder ${PROJECT}/dist`,
    ],
    [
      "the staging folder",
      `${PROJECT}/dist.partial`,
      `is or is inside the build's staging folder ${PROJECT}/dist.partial`,
    ],
  ])("rejects %s", (_, cacheDirectory, reason) => {
    expect(cacheInsideOutput(`${PROJECT}/dist`, cacheDirectory)).toBe(reason);
  });

  it.each([
    ["the usual cache", `${PROJECT}/node_modules/.cache/scorecard-charts`],
    ["a folder beside the output", `${PROJECT}/dist-cache`],
  ])("accepts %s", (_, cacheDirectory) => {
    expect(cacheInsideOutput(`${PROJECT}/dist`, cacheDirectory)).toBeUndefined();
  });

  it("stops the build before it writes anything", async () => {
    const outDir = join(makeTemporaryFolder("scorecard-cache-check-"), "site");
    const failure = await failedBuild({
      SCORECARD_OUT: outDir,
      SCORECARD_CHART_CACHE: join(outDir, "charts"),
    });

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(
      `build stopped: the cache folder ${join(outDir, "charts")} is or is inside the output ` +
        `folder ${outDir}, which a build replaces whole\n` +
        `  hint: set SCORECARD_CHART_CACHE to a folder outside ${outDir}, or to off\n`,
    );
    expect(existsSync(outDir)).toBe(false);
  });
});
