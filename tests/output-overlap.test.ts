import { describe, expect, it } from "vitest";
import { outputOverlap } from "../scripts/build/output-overlap.ts";

const PROJECT = "/work/project";
const DATA = "/work/project/data";

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
