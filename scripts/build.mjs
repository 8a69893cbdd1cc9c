/**
 * Compiles scripts/build.ts, with the code it uses from src/, into one JavaScript file and runs
 * it. Node 20 cannot run TypeScript itself. A TypeScript loader such as tsx would also handle
 * every module Astro, Vite and Rollup load afterwards, and importing Astro through tsx's hooks
 * took about twice as long (3.7 s against 1.8 s on a two-core machine). esbuild compiles the
 * script in about 0.2 s.
 *
 * The compiled files go in node_modules/.cache/scorecard-build/, in a folder named by a hash of
 * their text, so builds of different code never share one, and two builds at once each write
 * the same bytes. Packages stay as imports, resolved from the project's node_modules/.
 */
import { build as compile } from "esbuild";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const projectRoot = resolve(import.meta.dirname, "..");
const cacheFolder = join(projectRoot, "node_modules", ".cache", "scorecard-build");
/** Compiled builds no build has used for this long are deleted. */
const UNUSED_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

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
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  write: false,
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

await import(pathToFileURL(join(folder, "build.mjs")).href);

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
