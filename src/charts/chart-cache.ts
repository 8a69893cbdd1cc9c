import { createHash, randomBytes } from "node:crypto";
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
import { dirname, join, relative, resolve } from "node:path";
import { isOffSetting } from "../data/off-setting.ts";

/**
 * Rendered charts kept on disk between builds, so that an unchanged rebuild draws no chart again.
 *
 * The charts live in one file, charts.pack, keyed by the hash of each chart's input. A file per
 * chart cost a file creation per chart. In a profile of a cold ten-year build on the ext4 disk
 * of a two-core machine, that took about 1.2 ms of CPU time per file, more than half the time
 * to draw a chart. A process loads the pack at its first read and writes it back once, in save().
 *
 * The pack's first line contains a format tag and the SHA-256 of the JSON after it. A pack that
 * cannot be read, or whose JSON does not match its hash, counts as empty, and the next save
 * replaces it. A save writes a temporary file and renames it, so a process never reads half a
 * pack. Two processes saving at once may drop each other's new charts, which costs only a redraw.
 */
export interface ChartCache {
  directory: string;
  read(key: string): string | undefined;
  write(key: string, svg: string): void;
  /**
   * Writes the charts written since the cache was opened into the pack, merged with the pack on
   * disk, and marks the charts read as used today. Does nothing when neither happened.
   */
  save(): void;
}

const PACK_FILE = "charts.pack";
const PACK_FORMAT = "scorecard-chart-pack 1";
const PRUNE_MARKER = ".last-pruned";
const DAY_MS = 24 * 60 * 60 * 1000;
/** Charts no build has read or written for this many days are dropped from the pack. */
const UNUSED_ENTRY_MAX_AGE_DAYS = 90;
/** Temporary files of a save that never finished are deleted after this long. */
const TEMPORARY_FILE_MAX_AGE_MS = DAY_MS;

/** A chart in the pack: the day (days since 1970-01-01, UTC) a build last used it, and its SVG. */
type PackEntry = [lastUsedDay: number, svg: string];

/**
 * Returns the cache folder: SCORECARD_CHART_CACHE, or node_modules/.cache/scorecard-charts in
 * the working folder. Returns undefined when SCORECARD_CHART_CACHE is "off" (see isOffSetting).
 */
export function chartCacheDirectory(): string | undefined {
  const setting = process.env.SCORECARD_CHART_CACHE;
  if (setting !== undefined && isOffSetting(setting)) return undefined;
  if (setting) return resolve(setting);
  return resolve("node_modules", ".cache", "scorecard-charts");
}

/** Returns the path of the pack file that contains a chart cache folder's charts. */
export function chartPackPath(directory: string): string {
  return join(directory, PACK_FILE);
}

/**
 * Opens (creating if needed) a chart cache in a folder, deleting stale files once a day.
 * `onDamagedPack` is called with the pack's path and the reason when a pack on disk cannot be
 * used, which then counts as empty.
 */
export function openChartCache(
  directory: string,
  now = Date.now(),
  onDamagedPack: (path: string, reason: string) => void = () => {},
): ChartCache {
  mkdirSync(directory, { recursive: true });
  try {
    pruneStaleFiles(directory, now);
  } catch {
    // A folder this process cannot write to can still be read, and pruning waits for a build
    // that can write.
  }
  const packPath = chartPackPath(directory);
  const today = Math.floor(now / DAY_MS);
  const loadPack = (): LoadedPack => {
    const pack = readPack(packPath);
    if (pack.damage !== undefined) onDamagedPack(packPath, pack.damage);
    return pack;
  };
  let loaded: LoadedPack | undefined;
  // Entries written, or read with an older day than today, since the cache was opened.
  const changed = new Map<string, PackEntry>();

  return {
    directory,
    read(key) {
      const found = changed.get(key) ?? (loaded ??= loadPack()).entries.get(key);
      if (found === undefined) return undefined;
      if (found[0] !== today) changed.set(key, [today, found[1]]);
      return found[1];
    },
    write(key, svg) {
      changed.set(key, [today, svg]);
    },
    save() {
      if (changed.size === 0) return;
      // Another process may have saved since this one loaded the pack, so merge with the file.
      const current = loaded?.isCurrent() ? loaded : loadPack();
      const entries = new Map<string, PackEntry>();
      for (const [key, entry] of current.entries) {
        if (today - entry[0] <= UNUSED_ENTRY_MAX_AGE_DAYS) entries.set(key, entry);
      }
      for (const [key, entry] of changed) entries.set(key, entry);
      writePack(packPath, entries);
      // The next read loads the pack just written.
      loaded = undefined;
      changed.clear();
    },
  };
}

interface LoadedPack {
  entries: Map<string, PackEntry>;
  /** Whether the pack on disk is still the file these entries were read from. */
  isCurrent(): boolean;
  /** The reason the pack on disk could not be used, if it could not. */
  damage?: string;
}

function readPack(path: string): LoadedPack {
  const identity = fileIdentity(path);
  const isCurrent = () => fileIdentity(path) === identity;
  const empty = (damage?: string) => ({ entries: new Map<string, PackEntry>(), isCurrent, damage });
  if (identity === undefined) return empty();
  // Reading a named pipe would wait for a writer forever.
  const stats = statSync(path);
  if (stats.isDirectory()) {
    return empty("is a folder, not a file: delete it, so that this cache can save its charts");
  }
  if (!stats.isFile()) return empty("is not a plain file, so it is replaced");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return empty(`could not be read (${error instanceof Error ? error.message : error})`);
  }
  const newline = text.indexOf("\n");
  const json = text.slice(newline + 1);
  if (newline < 0 || !text.startsWith(`${PACK_FORMAT} `)) return empty("is not a chart pack");
  if (text.slice(0, newline) !== `${PACK_FORMAT} ${sha256(json)}`) {
    return empty("does not match the hash on its first line");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return empty("is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null) return empty("is not a map of charts");
  const entries = new Map<string, PackEntry>();
  for (const [key, entry] of Object.entries(parsed)) {
    if (isPackEntry(entry)) entries.set(key, entry);
  }
  return { entries, isCurrent };
}

function isPackEntry(value: unknown): value is PackEntry {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isInteger(value[0]) &&
    typeof value[1] === "string"
  );
}

function writePack(path: string, entries: Map<string, PackEntry>): void {
  const json = JSON.stringify(Object.fromEntries(entries));
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, `${PACK_FORMAT} ${sha256(json)}\n${json}`);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Returns a value that changes whenever the file at `path` is replaced or rewritten, or
 * undefined when it is missing.
 */
function fileIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path, { bigint: true });
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * Files this cache deletes when stale: temporary files of an unfinished save, the markers of a
 * build that drew every chart, and the one-file-per-chart entries of earlier versions. Pruning
 * deletes nothing else, since SCORECARD_CHART_CACHE may name a folder that contains other files.
 */
const TEMPORARY_FILE = /^charts\.pack\.[\w-]+\.tmp$/;
const MARKER_FILE = /^\.prerendered-[0-9a-f]{64}$/;
const ONE_CHART_FILE = /^[0-9a-f]{64}\.svg(?:\.[\w-]+\.tmp)?$/;

function pruneStaleFiles(directory: string, now: number): void {
  const marker = join(directory, PRUNE_MARKER);
  const lastPruned = modifiedTime(marker);
  if (lastPruned !== undefined && now - lastPruned < DAY_MS) return;
  // Writing the marker would wait forever if it were a named pipe.
  if (lastPruned !== undefined && !statSync(marker).isFile()) {
    throw new Error(`${marker} is not a plain file`);
  }
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    const age = now - (modifiedTime(path) ?? now);
    const stale =
      ONE_CHART_FILE.test(name) ||
      (TEMPORARY_FILE.test(name) && age > TEMPORARY_FILE_MAX_AGE_MS) ||
      (MARKER_FILE.test(name) && age > UNUSED_ENTRY_MAX_AGE_DAYS * DAY_MS);
    if (stale) rmSync(path, { force: true });
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
 * Plot and linkedom, a hash of npm's list of installed packages (node_modules/.package-lock.json,
 * which names the d3 modules Plot draws with), and a hash of every TypeScript file in src/, where
 * the chart code and the formatting it calls live. Returns undefined when any of them cannot be
 * read from the project folder, and charts are then not cached on disk.
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
    const installed = readFileSync(join(projectRoot, "node_modules", ".package-lock.json"));
    return [
      packageVersion(requireFromProject, "@observablehq/plot"),
      packageVersion(requireFromProject, "linkedom"),
      `packages@${createHash("sha256").update(installed).digest("hex").slice(0, 16)}`,
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
