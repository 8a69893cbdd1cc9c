import type { Target } from "../model/types.ts";

/**
 * Returns the target in force for a month: the one with the latest start on or before it.
 * Targets may be listed in any order; undefined when none has started yet.
 */
export function targetInForce(targets: readonly Target[], month: string): Target | undefined {
  let inForce: Target | undefined;
  for (const target of targets) {
    if (target.from <= month && (!inForce || target.from > inForce.from)) inForce = target;
  }
  return inForce;
}
