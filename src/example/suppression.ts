import type { SuppressionMarker } from "../model/types.ts";

/** The marker for a count withheld because it could identify a child. */
export const CONFIDENTIAL: SuppressionMarker = "c";

/** Counts below this (but above zero) are withheld, as small counts of children could identify them. */
const MINIMUM_SHOWN_COUNT = 3;

/**
 * Returns which cells of a breakdown to suppress. Counts of one or two children are withheld.
 * When that withholds a single cell, the smallest other non-zero cell is withheld too, because
 * the published total would otherwise give the hidden count away by subtraction.
 */
export function cellsToSuppress(counts: readonly number[]): boolean[] {
  const suppressed = counts.map((count) => count > 0 && count < MINIMUM_SHOWN_COUNT);
  if (suppressed.filter(Boolean).length !== 1) return suppressed;

  let smallest = -1;
  counts.forEach((count, index) => {
    if (suppressed[index] || count === 0) return;
    if (smallest < 0 || count < counts[smallest]!) smallest = index;
  });
  if (smallest >= 0) suppressed[smallest] = true;
  return suppressed;
}
