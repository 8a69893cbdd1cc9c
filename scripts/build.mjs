/**
 * Compiles scripts/build.ts, with the code it uses from src/, into one JavaScript file and runs
 * it. Node 20 cannot run TypeScript itself. A TypeScript loader such as tsx would also handle
 * every module Astro, Vite and Rollup load afterwards, and importing Astro through tsx's hooks
 * took about twice as long (3.7 s against 1.8 s on a two-core machine). esbuild compiles the
 * script in about 0.2 s.
 *
 * The compiled files go in node_modules/.cache/scorecard-build/, in a folder named by a hash of
 * their text, so builds of different code never share one, and two builds at once each write
 * the same bytes. Packages stay as imports, resolved from the project's node_modules/. A record
 * of the source files the last compile read, with their hashes, lets the next build whose
 * sources are all unchanged skip esbuild (about 0.2 s).
 */
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
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = resolve(import.meta.dirname, "..");
const cacheFolder = join(projectRoot, "node_modules", ".cache", "scorecard-build");
/** Compiled builds no build has used for this long are deleted. */
const UNUSED_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const COMPILE_RECORD = join(cacheFolder, "last-compile.json");
// Anything besides the sources that changes the compiled files: esbuild's version and this file.
const compilerFingerprint = sha256(
  readFileSync(join(projectRoot, "node_modules", "esbuild", "package.json")) +
    readFileSync(fileURLToPath(import.meta.url)),
);

const folder = folderOfUnchangedSources() ?? (await compileBuildScript());
await import(pathToFileURL(join(folder, "build.mjs")).href);

/** Compiles the build script and its worker into a folder of the cache, and returns the folder. */
async function compileBuildScript() {
  const { build: compile } = await import("esbuild");
  const compileStarted = Date.now();
  const compiled = await compile({
    absWorkingDir: projectRoot,
    entryPoints: {
      build: "scripts/build.ts",
      // Started by the build script as a worker thread, from the folder the script runs in.
      "build-worker": "scripts/build/worker.ts",
    },
    outdir: cacheFolder,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Code that only the worker's chart drawing imports goes in a chunk of its own, which the
    // worker loads after the data check.
    splitting: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "error",
  });

  const hash = createHash("sha256");
  for (const file of compiled.outputFiles) hash.update(basename(file.path)).update(file.contents);
  const folder = join(cacheFolder, hash.digest("hex").slice(0, 16));
  if (existsSync(folder)) {
    utimesSync(folder, new Date(), new Date());
  } else {
    // Written whole, then renamed into place, so a build running at the same time never reads half.
    const partial = `${folder}.${randomBytes(6).toString("hex")}.partial`;
    mkdirSync(partial, { recursive: true });
    for (const file of compiled.outputFiles)
      writeFileSync(join(partial, basename(file.path)), file.contents);
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another build wrote the same files first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(folder)) throw error;
    }
    deleteUnusedBuilds(folder);
  }
  writeCompileRecord(folder, Object.keys(compiled.metafile.inputs), compileStarted);
  return folder;
}

/**
 * Returns the folder of the last compile when every source file it read is unchanged, or
 * undefined. The sources import each other with their full file names and import packages
 * unbundled, so a new file changes the output only through a changed file that imports it.
 */
function folderOfUnchangedSources() {
  let record;
  try {
    record = JSON.parse(readFileSync(COMPILE_RECORD, "utf8"));
  } catch {
    return undefined;
  }
  // A damaged record counts as none, and so does one that lists no source.
  const { compilerFingerprint: recordedCompiler, folder, sources } = record ?? {};
  if (recordedCompiler !== compilerFingerprint || typeof folder !== "string") return undefined;
  if (typeof sources !== "object" || sources === null || Object.keys(sources).length === 0) {
    return undefined;
  }
  if (!existsSync(join(folder, "build.mjs"))) return undefined;
  for (const [path, hash] of Object.entries(sources)) {
    if (hashOfFile(join(projectRoot, path)) !== hash) return undefined;
  }
  utimesSync(folder, new Date(), new Date());
  return folder;
}

/**
 * Records the compiled folder and the hash of every source file the compile read. A source file
 * changed shortly before or after `compileStarted` may differ from what esbuild read, so then
 * nothing is recorded and the next build compiles again. So does a record that cannot be written.
 */
function writeCompileRecord(folder, sourcePaths, compileStarted) {
  const paths = sourcePaths.map((path) => join(projectRoot, path));
  // Two seconds early, since some file systems keep modification times to the second.
  if (paths.some((path) => modifiedSince(path, compileStarted - 2000))) return;
  const sources = Object.fromEntries(
    sourcePaths.map((path, index) => [path, hashOfFile(paths[index])]),
  );
  const temporary = `${COMPILE_RECORD}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ compilerFingerprint, folder, sources }));
    renameSync(temporary, COMPILE_RECORD);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function modifiedSince(path, time) {
  try {
    return statSync(path).mtimeMs >= time;
  } catch {
    return true;
  }
}

function hashOfFile(path) {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

function sha256(content) {
  return createHash("sha256").update(content).digest("hex");
}

/** Deletes every compiled build in the cache folder but `current` that no build used for a week. */
function deleteUnusedBuilds(current) {
  for (const name of readdirSync(cacheFolder)) {
    const path = join(cacheFolder, name);
    if (path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > UNUSED_MAX_AGE_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Deleted by another build meanwhile.
    }
  }
}
