import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import { isDataFileName } from "../../src/data/data-file-name.ts";
import { Fingerprint } from "./fingerprint.ts";

/** Where and how a build runs, besides the code and data it reads. */
export interface BuildSetting {
  projectRoot: string;
  dataDirectory: string;
  outDir: string;
  environment: NodeJS.ProcessEnv;
  /** As process.version gives it. */
  nodeVersion: string;
}

/** Folders of the project whose files shape the site, each hashed whole when present. */
const PROJECT_FOLDERS = ["src", "schemas", "scripts", "public"];

/**
 * Files of the project that shape the site, each hashed when present. npm rewrites
 * node_modules/.package-lock.json on every install, and it lists every installed package.
 */
const PROJECT_FILES = [
  "astro.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "node_modules/.package-lock.json",
  // Astro reads these when present: variables for import.meta.env, and PostCSS's settings.
  ".env",
  ".env.local",
  ".env.production",
  ".env.production.local",
  "postcss.config.cjs",
  "postcss.config.mjs",
  "postcss.config.js",
];

/** Variables hashed besides those named SCORECARD_*, because they can change what Node writes. */
const OTHER_VARIABLES = ["NODE_ENV", "TZ"];

/**
 * SCORECARD_* variables left out, because the folders they name are hashed as absolute paths:
 * "dist" and "dist/" then count as the same setting.
 */
const FOLDER_VARIABLES = ["SCORECARD_DATA", "SCORECARD_OUT"];

/**
 * Returns a SHA-256 (hex) of everything that shapes a build's output: the project's code, settings
 * and installed packages, every file the data loader reads, the absolute paths of the data and
 * output folders, the Node version, and the SCORECARD_* variables with NODE_ENV and TZ.
 *
 * A missing project file or folder, or a broken symbolic link among them, is left out. Throws when
 * anything else cannot be read, the data folder included, because its content is then unknown.
 */
export function fingerprintInputs(setting: BuildSetting): string {
  const fingerprint = new Fingerprint();
  for (const folder of PROJECT_FOLDERS) {
    addProjectPath(fingerprint, setting.projectRoot, folder, []);
  }
  for (const file of PROJECT_FILES) addProjectPath(fingerprint, setting.projectRoot, file, []);

  const dataDirectory = resolve(setting.dataDirectory);
  fingerprint.add("data folder", "", dataDirectory);
  // The loader reads every file with a data extension at the top of the folder, and nothing else.
  for (const name of readdirSync(dataDirectory).sort()) {
    if (!isDataFileName(name)) continue;
    const path = join(dataDirectory, name);
    // Only plain files are read: a named pipe would make the build wait for a writer forever,
    // and the data check rejects whatever is not a plain file.
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      // A broken link or a link loop: the data check names it.
    }
    fingerprint.add("data file", name, isFile ? readFileSync(path) : "not a plain file");
  }

  fingerprint.add("output folder", "", resolve(setting.outDir));
  fingerprint.add("node version", "", setting.nodeVersion);
  const names = Object.keys(setting.environment)
    .filter((name) => name.startsWith("SCORECARD_") || OTHER_VARIABLES.includes(name))
    .filter((name) => !FOLDER_VARIABLES.includes(name))
    .sort();
  for (const name of names) {
    const value = setting.environment[name];
    if (value !== undefined) fingerprint.add("environment variable", name, value);
  }
  return fingerprint.digest();
}

/**
 * Adds a file of the project, or every file under a folder of it, by its path relative to the
 * project. Symbolic links are followed, as Vite follows them. `ancestors` holds the real paths of
 * the folders above, so a link back to one of them is hashed as a loop and not walked again.
 */
function addProjectPath(
  fingerprint: Fingerprint,
  projectRoot: string,
  path: string,
  ancestors: string[],
): void {
  const absolute = join(projectRoot, path);
  const stats = statIfPresent(absolute);
  if (stats === undefined) return;
  if (stats.isFile()) {
    fingerprint.add("project file", path, readFileSync(absolute));
    return;
  }
  // A named pipe or a device file is never read: reading a pipe would wait for a writer.
  if (!stats.isDirectory()) {
    fingerprint.add("special file", path);
    return;
  }
  const realPath = realpathSync(absolute);
  if (ancestors.includes(realPath)) {
    fingerprint.add("link loop", path);
    return;
  }
  for (const name of readdirSync(absolute).sort()) {
    addProjectPath(fingerprint, projectRoot, `${path}/${name}`, [...ancestors, realPath]);
  }
}

/** Returns the file's status, following links, or undefined when it is missing or a broken link. */
function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
