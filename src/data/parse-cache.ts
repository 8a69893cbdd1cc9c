import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseSourceDocument, type SourceDocument } from "./source-document.ts";
import { isOffSetting } from "./off-setting.ts";

/**
 * A cache of parsed data files, kept between runs, because parsing YAML is most of the time a
 * check takes: about 10 ms for a month file. Only files that parsed without a problem are
 * cached, keyed by a hash of their text, so a cached file gives the same data as parsing it
 * again. Positions are not cached: a cached document parses its text again the first time a
 * problem must be located in it.
 *
 * Bump PARSE_RULES_VERSION whenever parseSourceDocument reports new kinds of problem, so that
 * files cached as clean are parsed again.
 */
const PARSE_RULES_VERSION = 6;
const MAX_ENTRIES = 5000;

const yamlVersion = readYamlVersion();
const cacheVersion = `${PARSE_RULES_VERSION}/yaml ${yamlVersion}`;

/** Returns the yaml package's version, or undefined where a bundler hides its package.json. */
function readYamlVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  } catch {
    return undefined;
  }
}

interface CacheFile {
  version: string;
  /** The data of each file as JSON text, by the hash of the file's text. */
  entries: Record<string, string>;
}

let entries: Map<string, string> | undefined;
let changed = false;

/**
 * Returns the cache folder: SCORECARD_CACHE, else the usual node_modules/.cache. Returns
 * undefined when SCORECARD_CACHE is "off" (see isOffSetting).
 */
export function parseCacheDirectory(): string | undefined {
  const setting = process.env.SCORECARD_CACHE;
  if (setting !== undefined && isOffSetting(setting)) return undefined;
  return setting
    ? resolve(setting)
    : resolve("node_modules", ".cache", "corporate-parenting-scorecard");
}

function cacheFile(): string | undefined {
  const folder = parseCacheDirectory();
  // Without the parser's version, a cache left by another version could be trusted wrongly.
  if (folder === undefined || yamlVersion === undefined) return undefined;
  return join(folder, "parsed-data-files.json");
}

function loadEntries(): Map<string, string> {
  if (entries) return entries;
  entries = new Map();
  const file = cacheFile();
  if (!file) return entries;
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    if (stored.version === cacheVersion) entries = new Map(Object.entries(stored.entries));
  } catch {
    // No cache yet, or one left unreadable: every file is parsed again.
  }
  return entries;
}

/** Parses a data file as parseSourceDocument does, taking the data from the cache when it can. */
export function parseSourceDocumentCached(file: string, text: string): SourceDocument {
  const cache = loadEntries();
  const key = createHash("sha256").update(text).digest("base64url");
  const cached = cache.get(key);
  const data = cached === undefined ? undefined : parseStoredJson(cached);
  if (data !== undefined) return lazilyLocated(file, text, data);

  const document = parseSourceDocument(file, text);
  if (document.problems.length === 0 && document.data !== undefined) {
    const json = JSON.stringify(document.data);
    // JSON cannot hold every YAML value (.nan, .inf, -0): such a file is never cached.
    if (isDeepStrictEqual(JSON.parse(json), document.data)) {
      cache.set(key, json);
      changed = true;
    }
  }
  return document;
}

/** Returns data stored as JSON text, or undefined when the stored text is damaged. */
function parseStoredJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** A document whose positions are found by parsing its text only when first asked for. */
function lazilyLocated(file: string, text: string, data: unknown): SourceDocument {
  let parsed: SourceDocument | undefined;
  const full = () => (parsed ??= parseSourceDocument(file, text));
  return {
    file,
    data,
    problems: [],
    locate: (path) => full().locate(path),
    locateKey: (path) => full().locateKey(path),
  };
}

/** Writes the cache if this run added to it. A cache that cannot be written is skipped quietly. */
export function saveParseCache(): void {
  const file = cacheFile();
  if (!changed || !entries || !file) return;
  const kept = [...entries].slice(-MAX_ENTRIES);
  const stored: CacheFile = { version: cacheVersion, entries: Object.fromEntries(kept) };
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    // Write then rename, so that a run reading the cache at the same time sees a whole file.
    // The name is random because test workers can share one process id.
    const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
    writeFileSync(partial, JSON.stringify(stored));
    renameSync(partial, file);
    changed = false;
  } catch {
    // A read-only checkout still validates; it is only slower.
  }
}
