import type { Dataset } from "../data/load.ts";

// The build script checks the data and hands the result to the pages here. Astro loads this module
// in its own module graph, apart from the build script's copy, so the data set is kept on the
// process rather than in a module variable. The pages thus never import the loader, which keeps
// it out of Astro's bundle.
const DATASET_KEY = Symbol.for("corporate-parenting-scorecard.dataset");

interface DatasetHandOver {
  dataset?: Dataset;
  checked: Promise<Dataset>;
  remember(dataset: Dataset): void;
}

type DatasetHolder = { [DATASET_KEY]?: DatasetHandOver };

const NO_DATASET =
  "no checked data set to build pages from: build the site with npm run build, which checks the data files first";

/**
 * Tells the pages that the build is checking the data, so that checkedDataset waits for the
 * result. The build script calls it before Astro starts, since the check may still be running.
 */
export function expectDataset(): void {
  const holder = globalThis as DatasetHolder;
  if (holder[DATASET_KEY]) return;
  let remember!: (dataset: Dataset) => void;
  const checked = new Promise<Dataset>((resolve) => (remember = resolve));
  const handOver: DatasetHandOver = {
    checked,
    remember(dataset) {
      handOver.dataset = dataset;
      remember(dataset);
    },
  };
  holder[DATASET_KEY] = handOver;
}

/** Stores the checked data set for the pages to read with checkedDataset and getDataset. */
export function rememberDataset(dataset: Dataset): void {
  expectDataset();
  (globalThis as DatasetHolder)[DATASET_KEY]!.remember(dataset);
}

/**
 * Returns the data set stored by rememberDataset, once the build has checked it. Rejects when
 * no build is checking the data.
 */
export function checkedDataset(): Promise<Dataset> {
  const handOver = (globalThis as DatasetHolder)[DATASET_KEY];
  return handOver ? handOver.checked : Promise.reject(new Error(NO_DATASET));
}

/**
 * Returns the data set stored by rememberDataset, for a component whose page has awaited
 * checkedDataset. Throws when there is none.
 */
export function getDataset(): Dataset {
  const dataset = (globalThis as DatasetHolder)[DATASET_KEY]?.dataset;
  if (!dataset) throw new Error(NO_DATASET);
  return dataset;
}
