import { resolve } from "node:path";
import { loadDataset, type Dataset } from "../data/load.ts";
import { DataError } from "../data/problems.ts";

/** Returns the folder the site is built from: SCORECARD_DATA, or data/ in the working folder. */
export function dataDirectory(): string {
  return resolve(process.env.SCORECARD_DATA ?? "data");
}

// Astro loads this module in its own module graph, apart from the build script's copy. The loaded
// data set is therefore kept on the process rather than in a module variable, so either copy finds
// it and the data are read and checked once per build, whatever the number of pages.
const CACHE_KEY = Symbol.for("corporate-parenting-scorecard.datasets");

type DatasetCache = Map<string, Dataset>;

function cache(): DatasetCache {
  const holder = globalThis as { [CACHE_KEY]?: DatasetCache };
  holder[CACHE_KEY] ??= new Map();
  return holder[CACHE_KEY];
}

/** Returns the checked data set for a folder, reading it on first use. Throws DataError on any error. */
export function getDataset(directory = dataDirectory()): Dataset {
  const cached = cache().get(directory);
  if (cached) return cached;
  const result = loadDataset(directory);
  if (!result.dataset) throw new DataError(result.problems);
  cache().set(directory, result.dataset);
  return result.dataset;
}

/** Stores a data set already loaded (by the build script), so pages do not read it again. */
export function rememberDataset(dataset: Dataset): void {
  cache().set(dataset.directory, dataset);
}
