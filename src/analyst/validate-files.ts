import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { displayPath } from "../data/display-path.ts";
import { DATA_EXTENSIONS, loadDataset } from "../data/load.ts";
import type { Problem } from "../data/problems.ts";

export interface ValidationResult {
  problems: Problem[];
  filesChecked: number;
}

/** Files every month in a folder is checked against, so their problems are always shown. */
const SHARED_STEMS = new Set(["catalogue", "council"]);

/**
 * Checks data files without building. With no paths, checks every file in `defaultDirectory`.
 * A named folder is checked whole. A named file is checked with the rest of its own folder, so
 * that a month meets the catalogue beside it and is compared with its neighbours there. Only the
 * named file's problems are returned, with those of the folder's catalogue and council.
 */
export function validateDataFiles(
  paths: readonly string[],
  defaultDirectory: string,
): ValidationResult {
  if (paths.length === 0) {
    const result = loadDataset(defaultDirectory);
    return { problems: result.problems, filesChecked: result.filesRead };
  }

  const problems: Problem[] = [];
  const wholeFolders = new Set<string>();
  const namedFiles = new Map<string, Set<string>>();
  for (const path of paths) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      problems.push(fileProblem(path, "file not found", "check the spelling of the path"));
    } else if (statSync(absolute).isDirectory()) {
      wholeFolders.add(absolute);
    } else if (!DATA_EXTENSIONS.includes(extname(absolute))) {
      problems.push(
        fileProblem(path, "not a data file", `data files end in ${DATA_EXTENSIONS.join(", ")}`),
      );
    } else {
      const folder = dirname(absolute);
      if (!namedFiles.has(folder)) namedFiles.set(folder, new Set());
      namedFiles.get(folder)!.add(absolute);
    }
  }

  let filesChecked = 0;
  for (const folder of wholeFolders) {
    const result = loadDataset(folder);
    problems.push(...result.problems);
    filesChecked += result.filesRead;
  }
  for (const [folder, files] of namedFiles) {
    if (wholeFolders.has(folder)) continue;
    const result = loadDataset(folder);
    filesChecked += files.size;
    problems.push(
      ...result.problems.filter((problem) => {
        const file = resolve(problem.file);
        const stem = basename(file, extname(file));
        return files.has(file) || (dirname(file) === folder && SHARED_STEMS.has(stem));
      }),
    );
  }
  return { problems, filesChecked };
}

function fileProblem(path: string, message: string, hint: string): Problem {
  return {
    severity: "error",
    file: displayPath(resolve(path)),
    line: 1,
    column: 1,
    field: "",
    message,
    hint,
  };
}
