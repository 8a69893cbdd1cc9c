import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite, removeBuild } from "./support/build-site.ts";
import { listFiles } from "./support/site-files.ts";

const firstBuild = inject("realSite");

/** The first line on which two texts differ, with the line from each, for a readable failure. */
function firstDifference(first: string, second: string): string {
  const firstLines = first.split("\n");
  const secondLines = second.split("\n");
  const line = firstLines.findIndex((text, index) => text !== secondLines[index]);
  const index = line === -1 ? firstLines.length : line;
  const at = (text: string | undefined) => JSON.stringify((text ?? "").slice(0, 300));
  return `line ${index + 1}: ${at(firstLines[index])} then ${at(secondLines[index])}`;
}

/**
 * Copies data/ to a new folder, writing the files in reverse order so that a build which relies on
 * the order the file system lists them in shows it.
 */
function copyDataInReverse(): string {
  const source = new URL("../data/", import.meta.url).pathname;
  const copy = mkdtempSync(join(tmpdir(), "scorecard-data-copy-"));
  for (const name of readdirSync(source).sort().reverse()) {
    copyFileSync(join(source, name), join(copy, name));
  }
  return copy;
}

describe("two builds of the real data", () => {
  let dataCopy = "";
  let secondBuild = "";
  beforeAll(() => {
    dataCopy = copyDataInReverse();
    // Another folder, time zone and locale: none of them may show in the output.
    secondBuild = buildSite({
      SCORECARD_DATA: dataCopy,
      TZ: "Pacific/Chatham",
      LANG: "de_DE.UTF-8",
    });
  });
  afterAll(() => {
    removeBuild(secondBuild);
    rmSync(dataCopy, { recursive: true, force: true });
  });

  it("write the same files", () => {
    expect(listFiles(secondBuild)).toEqual(listFiles(firstBuild));
  });

  it("write every file byte for byte the same", () => {
    const differing: string[] = [];
    const files = listFiles(firstBuild).filter((file) => existsSync(join(secondBuild, file)));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const first = readFileSync(join(firstBuild, file));
      const second = readFileSync(join(secondBuild, file));
      if (!first.equals(second)) {
        differing.push(
          `${file}: ${firstDifference(first.toString("utf8"), second.toString("utf8"))}`,
        );
      }
    }
    expect(differing).toEqual([]);
  });
});
