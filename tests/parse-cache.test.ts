import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadDataset } from "../src/data/load.ts";
import { parseSourceDocumentCached, saveParseCache } from "../src/data/parse-cache.ts";
import { parseSourceDocument } from "../src/data/source-document.ts";
import { makeScratchFolder } from "./support/scratch-data.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const cacheFolder = makeTemporaryFolder("scorecard-cache-test-");
process.env.SCORECARD_CACHE = cacheFolder;

const MONTH =
  'period: "2021-01"\nindicators:\n  children-missing:\n    value: 22\n    note: Checked.\n';

describe("parseSourceDocumentCached", () => {
  it("gives the same data and positions from the cache", () => {
    const parsed = parseSourceDocument("2021-01.yaml", MONTH);
    parseSourceDocumentCached("2021-01.yaml", MONTH);
    const cached = parseSourceDocumentCached("2021-01.yaml", MONTH);
    expect(cached.data).toEqual(parsed.data);
    expect(cached.problems).toEqual([]);
    const path = ["indicators", "children-missing", "note"];
    expect(cached.locate(path)).toEqual(parsed.locate(path));
    expect(cached.locate(path)).toEqual({ line: 5, column: 11 });
    expect(cached.locateKey(path)).toEqual(parsed.locateKey(path));
  });

  it("parses a file with problems every time", () => {
    const text = "period: yes\n";
    parseSourceDocumentCached("bad.yaml", text);
    expect(
      parseSourceDocumentCached("bad.yaml", text).problems.map((problem) => problem.message),
    ).toEqual(["ambiguous unquoted yes"]);
  });

  it("stores only data that JSON keeps exactly", () => {
    parseSourceDocumentCached("nan.yaml", "value: .nan\n");
    saveParseCache();
    const stored = JSON.parse(readFileSync(join(cacheFolder, "parsed-data-files.json"), "utf8"));
    const texts = Object.values(stored.entries as Record<string, string>);
    expect(texts).toContain(JSON.stringify(parseSourceDocument("2021-01.yaml", MONTH).data));
    expect(texts.some((text) => text.includes("nan") || text === '{"value":null}')).toBe(false);
  });

  it("parses again a file whose cache entry is damaged", async () => {
    parseSourceDocumentCached("2021-01.yaml", MONTH);
    saveParseCache();
    const file = join(cacheFolder, "parsed-data-files.json");
    const stored = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, string> };
    for (const key of Object.keys(stored.entries)) stored.entries[key] = '{"period": "2021';
    writeFileSync(file, JSON.stringify(stored));

    // A fresh copy of the module reads the damaged cache file, as the next run would.
    vi.resetModules();
    const fresh = await import("../src/data/parse-cache.ts");
    const document = fresh.parseSourceDocumentCached("2021-01.yaml", MONTH);
    expect(document.data).toEqual(parseSourceDocument("2021-01.yaml", MONTH).data);
  });
});

describe("loadDataset with the cache", () => {
  it("reports the same problems on a second run", () => {
    const folder = makeScratchFolder({
      "2020-12.yaml": 'period: "2020-12"\nindicators:\n  missing-episodes: { value: 64 }\n',
      "2021-01.yaml":
        'period: "2021-01"\nindicators:\n  missing-episodes: { value: 640 }\n  children-missing: { value: -1 }\n',
    });
    const first = loadDataset(folder).problems;
    const second = loadDataset(folder).problems;
    expect(second).toEqual(first);
    expect(first.map((problem) => `${problem.line}:${problem.column}`)).toEqual(["4:30", "3:30"]);
  });
});
