import type { Observation } from "./types.ts";

/** Tells whether two observations give the same figure: the same value, marker, or both missing. */
export function sameFigure(a: Observation | undefined, b: Observation | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === "value" && b.kind === "value") return a.value === b.value;
  if (a.kind === "suppressed" && b.kind === "suppressed") return a.marker === b.marker;
  return true;
}
