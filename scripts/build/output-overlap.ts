import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Returns why a build may not write into `outDir`, or undefined when it may. A build deletes the
 * whole output folder and its staging folder beside it (`outDir` with ".partial" added), and puts
 * the new site in their place, so neither may be, contain or sit inside the data folder, and
 * neither may be or contain the project. Paths are compared after following symbolic links.
 */
export function outputOverlap(
  outDir: string,
  dataDirectory: string,
  projectRoot = process.cwd(),
): string | undefined {
  const data = realPath(dataDirectory);
  const project = realPath(projectRoot);
  const outputReason = overlapOf(realPath(outDir), data, project);
  if (outputReason) return outputReason;
  const staging = realPath(`${resolve(outDir)}.partial`);
  const stagingReason = overlapOf(staging, data, project);
  return stagingReason && `needs the staging folder ${staging}, which ${stagingReason}`;
}

/**
 * Returns why a cache folder may not be used with `outDir`, or undefined when it may: a cache
 * inside the output folder or its staging folder would be published and then deleted by the
 * next build. Paths are compared after following symbolic links.
 */
export function cacheInsideOutput(outDir: string, cacheDirectory: string): string | undefined {
  const cache = realPath(cacheDirectory);
  const output = realPath(outDir);
  if (isSameOrInside(cache, output)) return `is or is inside the output folder ${output}`;
  const staging = realPath(`${resolve(outDir)}.partial`);
  if (isSameOrInside(cache, staging))
    return `is or is inside the build's staging folder ${staging}`;
  return undefined;
}

/** Returns how a folder overlaps the data folder or the project, or undefined when it does not. */
function overlapOf(folder: string, data: string, project: string): string | undefined {
  if (isSameOrInside(folder, data)) return "is or is inside the data folder";
  if (isSameOrInside(data, folder)) return "contains the data folder";
  if (isSameOrInside(project, folder)) return "is or contains the project folder";
  return undefined;
}

/**
 * Returns the absolute path with symbolic links followed, for as much of it as exists, so that
 * a folder not made yet is placed where its existing parent really is.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    return join(realpathSync(existing), relative(existing, absolute));
  } catch {
    return absolute;
  }
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
  if (lstatSync(output, { throwIfNoEntry: false })?.isSymbolicLink()) {
    return "is a symbolic link, which the build would replace with a folder";
  }
  if (!existsSync(output)) return undefined;
  if (!statSync(output).isDirectory()) return "is a file, not a folder";
  if (output === join(resolve(projectRoot), "dist") || existsSync(recordPath)) return undefined;
  return readdirSync(output).length === 0
    ? undefined
    : "already contains files that no build wrote";
}
