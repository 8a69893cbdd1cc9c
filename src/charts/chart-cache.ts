import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Rendered charts kept on disk between builds, one file per chart named by the hash of its input,
 * so that an unchanged rebuild draws no chart again.
 *
 * A file contains the SHA-256 of the SVG on its first line and the SVG after it. A file that cannot
 * be read or whose SVG does not match its hash counts as a miss, and the next write replaces it.
 * Writes go to a temporary file that is then renamed, so two builds sharing the cache never read
 * half a file.
 */
export interface ChartCache {
  directory: string;
  read(key: string): string | undefined;
  write(key: string, svg: string): void;
}

const ENTRY_EXTENSION = ".svg";
const PRUNE_MARKER = ".last-pruned";
const DAY_MS = 24 * 60 * 60 * 1000;
/** Entries no build has read or written for this long are deleted. */
const UNUSED_ENTRY_MAX_AGE_MS = 90 * DAY_MS;

/**
 * Returns the cache folder: SCORECARD_CHART_CACHE, or node_modules/.cache/scorecard-charts in
 * the working folder. Returns undefined when SCORECARD_CHART_CACHE is "off".
 */
export function chartCacheDirectory(): string | undefined {
  const setting = process.env.SCORECARD_CHART_CACHE;
  if (setting === "off") return undefined;
  if (setting) return resolve(setting);
  return resolve("node_modules", ".cache", "scorecard-charts");
}

/** Opens (creating if needed) a chart cache in a folder, deleting long-unused entries once a day. */
export function openChartCache(directory: string, now = Date.now()): ChartCache {
  mkdirSync(directory, { recursive: true });
  pruneUnusedEntries(directory, now);
  const entryPath = (key: string) => join(directory, `${key}${ENTRY_EXTENSION}`);

  return {
    directory,
    read(key) {
      const path = entryPath(key);
      // Cheaper than the exception a missing file throws, and most reads miss in a cold build.
      if (!existsSync(path)) return undefined;
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
      const newline = text.indexOf("\n");
      if (newline < 0) return undefined;
      const svg = text.slice(newline + 1);
      if (sha256(svg) !== text.slice(0, newline)) return undefined;
      // Marks the entry as used, so pruning keeps it.
      utimesSync(path, new Date(now), new Date(now));
      return svg;
    },
    write(key, svg) {
      const path = entryPath(key);
      const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
      writeFileSync(temporary, `${sha256(svg)}\n${svg}`);
      renameSync(temporary, path);
    },
  };
}

/**
 * Names of the files this cache writes: entries, their temporary files, and the markers of a
 * build that drew every chart. Pruning deletes nothing else, since SCORECARD_CHART_CACHE may name
 * a folder that contains other files.
 */
const CACHE_FILE = /^(?:[0-9a-f]{64}\.svg(?:\.[\w-]+\.tmp)?|\.prerendered-[0-9a-f]{64})$/;

function pruneUnusedEntries(directory: string, now: number): void {
  const marker = join(directory, PRUNE_MARKER);
  const lastPruned = modifiedTime(marker);
  if (lastPruned !== undefined && now - lastPruned < DAY_MS) return;
  for (const name of readdirSync(directory)) {
    if (!CACHE_FILE.test(name)) continue;
    const path = join(directory, name);
    const modified = modifiedTime(path);
    if (modified !== undefined && now - modified > UNUSED_ENTRY_MAX_AGE_MS) {
      rmSync(path, { force: true });
    }
  }
  writeFileSync(marker, "");
  utimesSync(marker, new Date(now), new Date(now));
}

function modifiedTime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Returns a hex SHA-256 of a chart's input: its accessible name, its spec as JSON (see
 * renderChart) and `version`, which stands for the code that turns a spec into a picture.
 */
export function chartKey(accessibleName: string, spec: unknown, version: string): string {
  return sha256(`${version}\n${accessibleName}\n${JSON.stringify(spec)}`);
}

/**
 * Returns a version of everything besides a chart's input that shapes its SVG: the versions of
 * Plot and linkedom and a hash of every TypeScript file in src/, where the chart code and the
 * formatting it calls live. Returns undefined when any of them cannot be read from the project
 * folder, and charts are then not cached on disk.
 */
export function chartCodeVersion(projectRoot = process.cwd()): string | undefined {
  try {
    const requireFromProject = createRequire(join(projectRoot, "package.json"));
    const code = createHash("sha256");
    const sourceFolder = join(projectRoot, "src");
    for (const path of listTypeScriptFiles(sourceFolder)) {
      code.update(`${relative(sourceFolder, path)}\n`);
      code.update(readFileSync(path));
    }
    return [
      packageVersion(requireFromProject, "@observablehq/plot"),
      packageVersion(requireFromProject, "linkedom"),
      `src@${code.digest("hex").slice(0, 16)}`,
    ].join(" ");
  } catch {
    return undefined;
  }
}

function listTypeScriptFiles(folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listTypeScriptFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files;
}

/** Returns "name@version" from the package.json of an installed package. */
function packageVersion(requireFromProject: NodeJS.Require, name: string): string {
  // Packages need not export their package.json, so look for it above their entry point.
  let folder = dirname(requireFromProject.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
      if (manifest.name === name) return `${name}@${manifest.version}`;
    } catch {
      // No package.json in this folder: look in the one above.
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json found for ${name}`);
    folder = parent;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
