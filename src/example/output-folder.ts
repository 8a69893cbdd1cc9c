import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { extname, join } from "node:path";
import { parse } from "yaml";
import type { ExampleFile } from "./generate.ts";

const DATA_EXTENSIONS = [".yaml", ".yml", ".json"];
const GENERATED_STEM = /^(\d{4}-\d{2}|catalogue|council)$/;

/** Thrown, before anything is written, when the output folder cannot safely take the example data. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

/**
 * Writes the files into a folder that is new, empty, or contains an earlier run's output. The
 * earlier data files are removed first, so no month of a longer earlier run is left behind.
 * Throws OutputFolderError before writing anything when the folder contains any other data file.
 * Real data has no `fictional: true` in its council file, so it is never overwritten.
 */
export function writeExampleFiles(folder: string, files: readonly ExampleFile[]): void {
  const earlier = earlierOutput(folder);
  mkdirSync(folder, { recursive: true });
  for (const file of earlier) rmSync(file);
  for (const file of files) writeFileSync(join(folder, file.name), file.text);
}

function earlierOutput(folder: string): string[] {
  if (!existsSync(folder)) return [];
  if (!statSync(folder).isDirectory())
    throw new OutputFolderError(`${folder} is a file, not a folder`);
  const dataFiles = readdirSync(folder)
    .filter((name) => DATA_EXTENSIONS.includes(extname(name)))
    .sort();
  if (dataFiles.length === 0) return [];

  const councilFile = dataFiles.find((name) => name.startsWith("council."));
  if (!councilFile || !isFictional(join(folder, councilFile))) {
    throw new OutputFolderError(
      `${folder} already contains data files and no council file marked fictional: true, so it ` +
        "may contain real data. Choose a new or empty folder",
    );
  }
  const others = dataFiles.filter(
    (name) => !GENERATED_STEM.test(name.slice(0, -extname(name).length)),
  );
  if (others.length > 0) {
    throw new OutputFolderError(
      `${folder} contains files the example data generator did not write (${others.join(", ")}). ` +
        "Move them out first",
    );
  }
  return dataFiles.map((name) => join(folder, name));
}

function isFictional(councilFile: string): boolean {
  try {
    const council = parse(readFileSync(councilFile, "utf8")) as { fictional?: unknown } | null;
    return council?.fictional === true;
  } catch {
    // A council file that cannot be read as YAML is treated as real data and left alone.
    return false;
  }
}
