import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintInputs, type BuildSetting } from "../scripts/build/input-fingerprint.ts";
import { fingerprintOutput } from "../scripts/build/output-fingerprint.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Files of a small project and of its data folder, each a line of text. */
const PROJECT_FILES: Record<string, string> = {
  "project/src/pages/index.astro": "<h1>Scorecard</h1>\n",
  "project/src/model/types.ts": "export type Period = string;\n",
  "project/schemas/month.schema.json": "{}\n",
  "project/scripts/build.ts": "console.log('build');\n",
  "project/astro.config.mjs": "export default {};\n",
  "project/package.json": '{ "name": "scorecard" }\n',
  "project/package-lock.json": '{ "lockfileVersion": 3 }\n',
  "project/tsconfig.json": "{}\n",
  "project/node_modules/.package-lock.json": '{ "packages": { "astro": "5.18.2" } }\n',
  "project/node_modules/astro/index.js": "export {};\n",
  "project/docs/benchmarks.md": "# Build benchmarks\n",
  "project/tests/build.test.ts": "// a test\n",
  "project/README.md": "# Scorecard\n",
  "data/catalogue.yaml": "indicators: []\n",
  "data/council.yaml": "name: A council\n",
  "data/2020-12.yaml": "period: 2020-12\n",
  "data/comparators.json": "{}\n",
  "data/notes.txt": "kept beside the data, never read\n",
  "data/archive/2019-01.yaml": "period: 2019-01\n",
};

/** Writes PROJECT_FILES to a new temporary folder, and returns it with a build setting for it. */
function makeProject(): { root: string; setting: BuildSetting } {
  const root = makeTemporaryFolder("scorecard-inputs-");
  writeFiles(root, PROJECT_FILES);
  const setting: BuildSetting = {
    projectRoot: join(root, "project"),
    dataDirectory: join(root, "data"),
    outDir: join(root, "project", "dist"),
    environment: { SCORECARD_BASE: "/", TZ: "Europe/London", HOME: "/home/analyst" },
    nodeVersion: "v20.20.2",
  };
  return { root, setting };
}

describe("fingerprintInputs", () => {
  const changing: [string, (root: string, setting: BuildSetting) => BuildSetting | void][] = [
    [
      "a data file edited",
      (root) => writeFiles(root, { "data/2020-12.yaml": "period: 2021-01\n" }),
    ],
    ["a data file added", (root) => writeFiles(root, { "data/2021-01.yml": "period: 2021-01\n" })],
    ["a .env file added", (root) => writeFiles(root, { "project/.env": "BASE_URL=/elsewhere/\n" })],
    ["a data file removed", (root) => rmSync(join(root, "data/comparators.json"))],
    [
      "a data file renamed",
      (root) => renameSync(join(root, "data/2020-12.yaml"), join(root, "data/2020-12.yml")),
    ],
    ["a src file edited", (root) => writeFiles(root, { "project/src/model/types.ts": "// new\n" })],
    ["a src file added", (root) => writeFiles(root, { "project/src/site/new.ts": "export {};\n" })],
    ["a schema edited", (root) => writeFiles(root, { "project/schemas/month.schema.json": "[]" })],
    ["a script edited", (root) => writeFiles(root, { "project/scripts/build.ts": "// new\n" })],
    ["a public file added", (root) => writeFiles(root, { "project/public/robots.txt": "" })],
    ["astro.config.mjs edited", (root) => writeFiles(root, { "project/astro.config.mjs": "" })],
    ["package.json edited", (root) => writeFiles(root, { "project/package.json": "{}" })],
    ["package-lock.json edited", (root) => writeFiles(root, { "project/package-lock.json": "" })],
    ["tsconfig.json removed", (root) => rmSync(join(root, "project/tsconfig.json"))],
    [
      "an installed package changed",
      (root) => writeFiles(root, { "project/node_modules/.package-lock.json": "{}" }),
    ],
    [
      "a SCORECARD_ variable changed",
      (_root, setting) => ({
        ...setting,
        environment: { ...setting.environment, SCORECARD_BASE: "/reports/" },
      }),
    ],
    [
      "a SCORECARD_ variable added",
      (_root, setting) => ({
        ...setting,
        environment: { ...setting.environment, SCORECARD_CHART_CACHE: "off" },
      }),
    ],
    [
      "TZ changed",
      (_root, setting) => ({ ...setting, environment: { ...setting.environment, TZ: "UTC" } }),
    ],
    [
      "NODE_ENV set",
      (_root, setting) => ({
        ...setting,
        environment: { ...setting.environment, NODE_ENV: "production" },
      }),
    ],
    ["another Node version", (_root, setting) => ({ ...setting, nodeVersion: "v20.19.0" })],
    [
      "another output folder",
      (_root, setting) => ({ ...setting, outDir: join(setting.projectRoot, "site") }),
    ],
    [
      "the same data in another folder",
      (root, setting) => {
        cpSync(join(root, "data"), join(root, "data-copy"), { recursive: true });
        return { ...setting, dataDirectory: join(root, "data-copy") };
      },
    ],
  ];

  it.each(changing)("changes when %s", (_name, change) => {
    const { root, setting } = makeProject();
    const before = fingerprintInputs(setting);
    const changed = change(root, setting) ?? setting;
    expect(fingerprintInputs(changed)).not.toBe(before);
  });

  const unchanging: [string, (root: string, setting: BuildSetting) => BuildSetting | void][] = [
    ["a file in docs/ edited", (root) => writeFiles(root, { "project/docs/benchmarks.md": "" })],
    ["a test edited", (root) => writeFiles(root, { "project/tests/build.test.ts": "" })],
    ["README.md edited", (root) => writeFiles(root, { "project/README.md": "# Other\n" })],
    [
      "a package's own file edited",
      (root) => writeFiles(root, { "project/node_modules/astro/index.js": "" }),
    ],
    ["a data folder file the loader skips", (root) => writeFiles(root, { "data/notes.txt": "" })],
    ["a data file in a subfolder", (root) => writeFiles(root, { "data/archive/2019-02.yaml": "" })],
    ["an empty folder added to src/", (root) => mkdirSync(join(root, "project/src/empty"))],
    [
      "the output folder written with a slash after it",
      (_root, setting) => ({
        ...setting,
        outDir: `${setting.outDir}/`,
        environment: { ...setting.environment, SCORECARD_OUT: `${setting.outDir}/` },
      }),
    ],
    [
      "another variable changed",
      (_root, setting) => ({
        ...setting,
        environment: { ...setting.environment, HOME: "/root", LANG: "de_DE.UTF-8" },
      }),
    ],
    [
      "the same files written in another order",
      (root, setting) => {
        const copy = join(root, "project-copy");
        const reversed = Object.keys(PROJECT_FILES)
          .filter((path) => path.startsWith("project/"))
          .reverse();
        for (const path of reversed) {
          writeFiles(copy, { [path.slice("project/".length)]: PROJECT_FILES[path]! });
        }
        // The output folder's path is an input, so it stays where it was.
        return { ...setting, projectRoot: copy };
      },
    ],
  ];

  it.each(unchanging)("stays the same with %s", (_name, change) => {
    const { root, setting } = makeProject();
    const before = fingerprintInputs(setting);
    const changed = change(root, setting) ?? setting;
    expect(fingerprintInputs(changed)).toBe(before);
  });

  // A named pipe read here would wait for a writer forever, and the data check rejects it anyway.
  it("hashes no content of a data file that is not a plain file", () => {
    const { root, setting } = makeProject();
    execFileSync("mkfifo", [join(root, "data/2020-11.yaml")]);
    symlinkSync(join(root, "data/2020-10.yaml"), join(root, "data/2020-10.yaml"));
    expect(fingerprintInputs(setting)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves out missing optional files", () => {
    const { root, setting } = makeProject();
    rmSync(join(root, "project/tsconfig.json"));
    rmSync(join(root, "project/node_modules"), { recursive: true });
    expect(fingerprintInputs(setting)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("follows a link in src/ without walking a loop", () => {
    const { root, setting } = makeProject();
    symlinkSync(join(root, "project/src"), join(root, "project/src/loop"), "dir");
    const withLoop = fingerprintInputs(setting);
    expect(withLoop).toMatch(/^[0-9a-f]{64}$/);
    // The link is hashed as a loop, so removing it changes the fingerprint.
    rmSync(join(root, "project/src/loop"));
    expect(fingerprintInputs(setting)).not.toBe(withLoop);
  });

  it("hashes the content a linked src file points to", () => {
    const { root, setting } = makeProject();
    writeFiles(root, { "shared/format.ts": "export const a = 1;\n" });
    symlinkSync(join(root, "shared/format.ts"), join(root, "project/src/format.ts"));
    const before = fingerprintInputs(setting);
    writeFiles(root, { "shared/format.ts": "export const a = 2;\n" });
    expect(fingerprintInputs(setting)).not.toBe(before);
  });

  it("throws when the data folder is missing", () => {
    const { root, setting } = makeProject();
    rmSync(join(root, "data"), { recursive: true });
    expect(() => fingerprintInputs(setting)).toThrow(/ENOENT/);
  });
});

describe("fingerprintOutput", () => {
  function makeOutput(): string {
    const root = makeTemporaryFolder("scorecard-output-");
    const folder = join(root, "dist");
    writeFiles(folder, {
      "index.html": "<h1>Scorecard</h1>",
      "2020-12/index.html": "<h1>December 2020</h1>",
      "_astro/site.css": "body { margin: 0 }",
    });
    return folder;
  }

  const changes: [string, (folder: string) => void][] = [
    ["a file is edited", (folder) => writeFiles(folder, { "index.html": "<h1>Edited</h1>" })],
    ["a file is added", (folder) => writeFiles(folder, { "robots.txt": "" })],
    ["a file is removed", (folder) => rmSync(join(folder, "_astro/site.css"))],
    [
      "a file is renamed",
      (folder) => renameSync(join(folder, "_astro/site.css"), join(folder, "_astro/main.css")),
    ],
    [
      "a file is moved to another folder",
      (folder) => {
        mkdirSync(join(folder, "css"));
        renameSync(join(folder, "_astro/site.css"), join(folder, "css/site.css"));
      },
    ],
    [
      "bytes move from one file to the next",
      (folder) =>
        writeFiles(folder, {
          "2020-12/index.html": "<h1>December 2020</h1><",
          "_astro/site.css": "body { margin: 0 }".slice(1),
        }),
    ],
    ["an empty folder is added", (folder) => mkdirSync(join(folder, "empty"))],
  ];

  it.each(changes)("changes when %s", (_name, change) => {
    const folder = makeOutput();
    const before = fingerprintOutput(folder);
    change(folder);
    const after = fingerprintOutput(folder);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
  });

  it("stays the same for a copy in another folder", () => {
    // The build hashes its staging folder and then renames it to the output folder.
    const folder = makeOutput();
    const copy = join(dirname(folder), "dist.partial");
    cpSync(folder, copy, { recursive: true });
    expect(fingerprintOutput(copy)).toBe(fingerprintOutput(folder));
  });

  it("stays the same when a file is rewritten unchanged", () => {
    const folder = makeOutput();
    const before = fingerprintOutput(folder);
    writeFiles(folder, { "index.html": "<h1>Scorecard</h1>" });
    expect(fingerprintOutput(folder)).toBe(before);
  });

  it("hashes the given bytes of a known file instead of reading it", () => {
    const folder = makeOutput();
    const path = join(folder, "index.html");
    const onDisk = fingerprintOutput(folder);

    expect(fingerprintOutput(folder, new Map([[path, readFileSync(path)]]))).toBe(onDisk);
    expect(fingerprintOutput(folder, new Map([[path, Buffer.from("<h1>Other</h1>")]]))).not.toBe(
      onDisk,
    );
  });

  it("is undefined with a symbolic link inside", () => {
    const folder = makeOutput();
    symlinkSync(join(folder, "index.html"), join(folder, "home.html"));
    expect(fingerprintOutput(folder)).toBeUndefined();
  });

  it("is undefined for a missing folder", () => {
    const folder = makeOutput();
    rmSync(folder, { recursive: true });
    expect(fingerprintOutput(folder)).toBeUndefined();
  });

  it("is undefined for a link to a folder", () => {
    const folder = makeOutput();
    const link = join(dirname(folder), "site");
    symlinkSync(folder, link, "dir");
    expect(fingerprintOutput(link)).toBeUndefined();
  });
});
