import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/**
 * Returns why a build may not write into `outDir`, or undefined when it may. A build deletes the
 * whole output folder and puts the new site in its place, so that folder must not be, contain or
 * sit inside the data folder, and must not be or contain the project.
 */
export function outputOverlap(
  outDir: string,
  dataDirectory: string,
  projectRoot = process.cwd(),
): string | undefined {
  const output = resolve(outDir);
  if (isSameOrInside(output, resolve(dataDirectory))) return "is or is inside the data folder";
  if (isSameOrInside(resolve(dataDirectory), output)) return "contains the data folder";
  if (isSameOrInside(resolve(projectRoot), output)) return "is or contains the project folder";
  return undefined;
}

/** Tells whether `path` is `folder` or a path inside it. */
function isSameOrInside(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === "" || (!fromFolder.startsWith("..") && !fromFolder.startsWith("/"));
}

/**
 * Returns why a build may not replace `outDir`, or undefined when it may. It may replace no file,
 * and a folder that contains anything only if it is the project's dist/ or has a build record
 * beside it, which only a build writes. Without this, SCORECARD_OUT=src would replace the
 * project's code.
 */
export function unbuiltOutputFolder(
  outDir: string,
  recordPath: string,
  projectRoot = process.cwd(),
): string | undefined {
  const output = resolve(outDir);
  if (!existsSync(output)) return undefined;
  if (!statSync(output).isDirectory()) return "is a file, not a folder";
  if (output === join(resolve(projectRoot), "dist") || existsSync(recordPath)) return undefined;
  return readdirSync(output).length === 0
    ? undefined
    : "already contains files that no build wrote";
}
