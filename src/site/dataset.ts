import type { Dataset } from "../data/load.ts";

// The build script checks the data and hands the result to the pages here. Astro loads this module
// in its own module graph, apart from the build script's copy, so the data set is kept on the
// process rather than in a module variable. The pages thus never import the loader, which keeps
// it out of Astro's bundle.
const DATASET_KEY = Symbol.for("corporate-parenting-scorecard.dataset");

type DatasetHolder = { [DATASET_KEY]?: Dataset };

/** Stores the checked data set for the pages to read with getDataset. */
export function rememberDataset(dataset: Dataset): void {
  (globalThis as DatasetHolder)[DATASET_KEY] = dataset;
}

/** Returns the data set stored by rememberDataset. Throws when there is none. */
export function getDataset(): Dataset {
  const dataset = (globalThis as DatasetHolder)[DATASET_KEY];
  if (!dataset) {
    throw new Error(
      "no checked data set to build pages from: build the site with npm run build, which checks the data files first",
    );
  }
  return dataset;
}
