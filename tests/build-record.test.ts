import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildRecordPath,
  readBuildRecord,
  saveBuildRecord,
  writeBuildRecord,
} from "../scripts/build/build-record.ts";
import { fingerprintOutput } from "../scripts/build/output-fingerprint.ts";
import { removeBuild, runBuildInBackground } from "./support/build-site.ts";
import { listFiles } from "./support/site-files.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const INPUTS = "a".repeat(64);
const OUTPUT = "b".repeat(64);

describe("build record file", () => {
  it("sits beside the output folder", () => {
    expect(buildRecordPath("/srv/scorecard/dist")).toBe("/srv/scorecard/.dist.build-record.json");
    expect(buildRecordPath("/tmp/site")).toBe("/tmp/.site.build-record.json");
  });

  it("reads back what was written", () => {
    const path = join(makeTemporaryFolder("scorecard-record-"), ".dist.build-record.json");
    writeBuildRecord(path, { inputs: INPUTS, output: OUTPUT });
    expect(readBuildRecord(path)).toEqual({ format: 1, inputs: INPUTS, output: OUTPUT });
  });

  const unusable: [string, string | undefined][] = [
    ["missing", undefined],
    ["empty", ""],
    ["not JSON", "{ format: 1"],
    ["JSON but no object", "null"],
    ["of another format", JSON.stringify({ format: 2, inputs: INPUTS, output: OUTPUT })],
    ["without a format", JSON.stringify({ inputs: INPUTS, output: OUTPUT })],
    ["without inputs", JSON.stringify({ format: 1, output: OUTPUT })],
    ["with a short hash", JSON.stringify({ format: 1, inputs: "abc", output: OUTPUT })],
    ["with a number for a hash", JSON.stringify({ format: 1, inputs: INPUTS, output: 7 })],
  ];

  it.each(unusable)("counts as no record when %s", (_name, text) => {
    const path = join(makeTemporaryFolder("scorecard-record-"), ".dist.build-record.json");
    if (text !== undefined) writeFileSync(path, text);
    expect(readBuildRecord(path)).toBeUndefined();
  });

  it("counts as no record when it is a folder", () => {
    const path = join(makeTemporaryFolder("scorecard-record-"), ".dist.build-record.json");
    mkdirSync(path);
    expect(readBuildRecord(path)).toBeUndefined();
  });

  it("warns instead of throwing when it cannot be written", () => {
    const folder = makeTemporaryFolder("scorecard-record-");
    const path = join(folder, ".dist.build-record.json");
    // A folder in the record's place makes the rename fail.
    mkdirSync(path);
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      saveBuildRecord(path, { inputs: INPUTS, output: OUTPUT });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(
        new RegExp(
          `^warning: the build record was not written to ${path}: .+\\. ` +
            "The next build may run Astro again even if nothing changes$",
        ),
      );
    } finally {
      warn.mockRestore();
    }
    // The temporary file is removed.
    expect(readdirSync(folder)).toEqual([".dist.build-record.json"]);
  });
});

describe("build options", () => {
  const invalid: [string, string[], string][] = [
    ["an unknown option", ["--forse"], "build: Unknown option '--forse'"],
    ["a value for --force", ["--force=yes"], "build: Option '--force' does not take an argument"],
    [
      "a positional argument",
      ["dist"],
      "build: Unexpected argument 'dist'. This command does not take positional arguments",
    ],
  ];

  it.each(invalid)("exits 2 on %s", async (_name, args, message) => {
    const run = promisify(execFile)(process.execPath, ["scripts/build.mjs", ...args], {
      // The options are read first, so a build with them would never touch this folder.
      env: { ...process.env, SCORECARD_OUT: join(makeTemporaryFolder("scorecard-"), "dist") },
    });
    const failure = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stdout?: string; stderr?: string } | undefined;
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(`${message}\nusage: npm run build -- [--force] [--help]\n`);
    expect(failure?.stdout).toBe("");
  });

  it("prints its usage with --help", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["scripts/build.mjs", "--help"],
      { env: { ...process.env, SCORECARD_OUT: join(makeTemporaryFolder("scorecard-"), "dist") } },
    );
    expect(stdout).toMatch(/^usage: npm run build -- \[--force\] \[--help\]\n/);
    expect(stdout).toContain("--force   run Astro even when the output folder is already built");
    expect(stderr).toBe("");
  });
});

/** Returns every file under a folder with its content and modification time. */
function snapshotFiles(folder: string): Map<string, { text: string; modified: number }> {
  const files = new Map<string, { text: string; modified: number }>();
  for (const file of listFiles(folder)) {
    const path = join(folder, file);
    files.set(file, { text: readFileSync(path, "latin1"), modified: statSync(path).mtimeMs });
  }
  return files;
}

describe("builds into the same output folder", () => {
  let dataCopy = "";
  let outDir = "";
  let firstBuild = { stdout: "", stderr: "" };
  const environment = () => ({ SCORECARD_DATA: dataCopy });
  const build = (scriptArguments: string[] = []) =>
    runBuildInBackground(environment(), { outDir, scriptArguments });
  const leftAsItIs = () =>
    `site: ${outDir} is already built from these data and this code, so it was left as it is ` +
    "(npm run build -- --force builds it again)";

  beforeAll(async () => {
    // A copy, so that a test can change a data file.
    dataCopy = join(makeTemporaryFolder("scorecard-record-data-"), "data");
    cpSync(new URL("../data/", import.meta.url).pathname, dataCopy, { recursive: true });
    const first = await runBuildInBackground(environment());
    outDir = first.outDir;
    firstBuild = first;
  });
  afterAll(() => {
    if (outDir) removeBuild(outDir);
  });

  it("write a record beside the output folder", () => {
    expect(firstBuild.stdout).toContain(`site: written to ${outDir} in `);
    const recordPath = join(dirname(outDir), ".dist.build-record.json");
    const record = readBuildRecord(recordPath);
    expect(record?.format).toBe(1);
    expect(record?.output).toBe(fingerprintOutput(outDir));
    expect(listFiles(outDir).filter((file) => file.includes("build-record"))).toEqual([]);
  });

  it("leave the output untouched when nothing changed", async () => {
    const before = snapshotFiles(outDir);
    const run = await build();
    expect(run.stdout).toContain(`${leftAsItIs()}\n`);
    expect(run.stdout).not.toContain("site: written");
    expect(run.stderr).toBe("");
    const after = snapshotFiles(outDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, state] of before) expect(after.get(file), file).toEqual(state);
  });

  it("restore an edited output file", async () => {
    const page = join(outDir, "index.html");
    const original = readFileSync(page, "utf8");
    writeFileSync(page, original.replace("</main>", "<p>Edited by hand</p></main>"));
    const run = await build();
    expect(run.stdout).toContain(`site: written to ${outDir} in `);
    expect(run.stdout).not.toContain(leftAsItIs());
    expect(readFileSync(page, "utf8")).toBe(original);
  });

  it("run Astro again with --force", async () => {
    const page = join(outDir, "index.html");
    const modified = statSync(page).mtimeMs;
    const run = await build(["--force"]);
    expect(run.stdout).toContain(`site: written to ${outDir} in `);
    expect(run.stdout).not.toContain(leftAsItIs());
    expect(statSync(page).mtimeMs).toBeGreaterThan(modified);
    // The forced build wrote a new record, so the next plain build has nothing to do again.
    expect(readBuildRecord(buildRecordPath(outDir))?.output).toBe(fingerprintOutput(outDir));
  });

  it("rebuild after a data file changes", async () => {
    const councilFile = join(dataCopy, "council.yaml");
    const council = readFileSync(councilFile, "utf8");
    expect(council).toContain("name: Cambridgeshire County Council");
    writeFileSync(
      councilFile,
      council.replace("name: Cambridgeshire County Council", "name: Fenland Test Council"),
    );
    const run = await build();
    expect(run.stdout).toContain(`site: written to ${outDir} in `);
    expect(run.stdout).not.toContain(leftAsItIs());
    expect(readFileSync(join(outDir, "index.html"), "utf8")).toContain("Fenland Test Council");
    expect(existsSync(`${outDir}.partial`)).toBe(false);
  });

  it("keep the site when data have errors", async () => {
    const before = snapshotFiles(outDir);
    writeFileSync(join(dataCopy, "council.yaml"), "name: [unclosed\n");
    const failure = await build().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/build stopped: \d+ errors? in .*; nothing was published/);
    expect(snapshotFiles(outDir)).toEqual(before);
    expect(existsSync(`${outDir}.partial`)).toBe(false);
  });
});
