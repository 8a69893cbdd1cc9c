/** Comparators for the scorecard's pages: read data/comparators.json with readComparators. */
export { COMPARATORS_FILE, parseComparators, readComparators } from "./read.ts";
export type { ComparatorsReadResult } from "./read.ts";
export type { ComparatorsContext } from "./data-folder.ts";
export type {
  ComparatorMeasure,
  Comparators,
  ComparatorYear,
  CouncilJson,
  MeasureSource,
  NeighbourExclusion,
  NeighbourJson,
  NeighbourSummary,
} from "./types.ts";
