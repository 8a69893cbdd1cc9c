import { createHash, randomBytes, type Hash } from "node:crypto";
import {
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
import { dirname, join, resolve } from "node:path";

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

function pruneUnusedEntries(directory: string, now: number): void {
  const marker = join(directory, PRUNE_MARKER);
  const lastPruned = modifiedTime(marker);
  if (lastPruned !== undefined && now - lastPruned < DAY_MS) return;
  for (const name of readdirSync(directory)) {
    if (name === PRUNE_MARKER) continue;
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
 * Returns a hex SHA-256 of a chart's input: its Plot options (marks with their data, functions
 * by their source text) and accessible name, together with `version`.
 *
 * NOTE: a function in the options is keyed by its source text alone. A function that reads a
 * variable from outside itself, whose value differs between charts, would make two different
 * charts share a key: pass such values as data or constant options instead.
 */
export function chartKey(options: unknown, accessibleName: string, version: string): string {
  const hash = createHash("sha256");
  hash.update(`${version}\n${accessibleName}\n`);
  writeValue(hash, options, new Set());
  return hash.digest("hex");
}

/** Feeds a canonical text form of a value to a hash, walking objects in key order of creation. */
function writeValue(hash: Hash, value: unknown, ancestors: Set<object>): void {
  switch (typeof value) {
    case "string":
      hash.update(JSON.stringify(value));
      return;
    case "number":
    case "bigint":
    case "boolean":
    case "symbol":
      hash.update(`${typeof value}:${String(value)}`);
      return;
    case "undefined":
      hash.update("undefined");
      return;
    case "function":
      hash.update(`function:${JSON.stringify(String(value))}`);
      return;
  }
  if (value === null) {
    hash.update("null");
    return;
  }
  const object = value as object;
  if (ancestors.has(object)) {
    hash.update("<cycle>");
    return;
  }
  ancestors.add(object);
  if (Array.isArray(object) || ArrayBuffer.isView(object)) {
    hash.update("[");
    for (const item of Array.from(object as ArrayLike<unknown>)) {
      writeValue(hash, item, ancestors);
      hash.update(",");
    }
    hash.update("]");
  } else if (object instanceof Date) {
    hash.update(`Date:${object.getTime()}`);
  } else if (object instanceof Map || object instanceof Set) {
    hash.update(`${object.constructor.name}{`);
    writeValue(hash, [...object], ancestors);
    hash.update("}");
  } else {
    hash.update(`${object.constructor?.name ?? "Object"}{`);
    for (const [key, item] of Object.entries(object)) {
      hash.update(`${JSON.stringify(key)}:`);
      writeValue(hash, item, ancestors);
      hash.update(",");
    }
    hash.update("}");
  }
  ancestors.delete(object);
}

/**
 * Returns a version of everything besides a chart's input that shapes its SVG: the versions of
 * Plot and linkedom and a hash of the chart code in src/charts. Returns undefined when any of
 * them cannot be read from the working folder, and charts are then not cached on disk.
 */
export function chartCodeVersion(projectRoot = process.cwd()): string | undefined {
  try {
    const requireFromProject = createRequire(join(projectRoot, "package.json"));
    const packageVersion = (name: string) => {
      let folder = dirname(requireFromProject.resolve(name));
      for (;;) {
        try {
          const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
          if (manifest.name === name) return `${name}@${manifest.version}`;
        } catch {
          // No package.json in this folder: keep looking above it.
        }
        const parent = dirname(folder);
        if (parent === folder) throw new Error(`no package.json found for ${name}`);
        folder = parent;
      }
    };
    const chartsFolder = join(projectRoot, "src", "charts");
    const code = createHash("sha256");
    for (const name of readdirSync(chartsFolder).sort()) {
      if (!name.endsWith(".ts")) continue;
      code.update(`${name}\n`);
      code.update(readFileSync(join(chartsFolder, name)));
    }
    return [
      packageVersion("@observablehq/plot"),
      packageVersion("linkedom"),
      `charts@${code.digest("hex").slice(0, 16)}`,
    ].join(" ");
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
