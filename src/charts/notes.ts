import { MARKER_MEANINGS } from "../analyst/csv-cells.ts";
import type { Observation } from "../model/types.ts";

/** A labelled figure in a chart: a breakdown category or a series period. */
export interface LabelledObservation {
  label: string;
  observation: Observation | undefined;
}

/**
 * Explains the figures in a chart that are not plain values: each likely reading with how it was
 * read, each missing figure with its reason and each suppressed one with its marker's meaning.
 * Figures that share an explanation are listed together, so a chart of lost figures gets one line.
 */
export function explainObservations(entries: readonly LabelledObservation[]): string[] {
  const groups = new Map<string, string[]>();
  const add = (explanation: string, label: string) => {
    const labels = groups.get(explanation) ?? [];
    labels.push(label);
    groups.set(explanation, labels);
  };
  for (const { label, observation } of entries) {
    if (!observation) continue;
    if (observation.kind === "missing") add(`Missing: ${observation.reason}`, label);
    else if (observation.kind === "suppressed") {
      add(`Suppressed [${observation.marker}], ${MARKER_MEANINGS[observation.marker]}`, label);
    } else if (observation.reading === "likely") {
      add(`Likely reading${observation.note ? `: ${observation.note}` : ""}`, label);
    } else if (observation.note) add(observation.note, label);
  }
  return [...groups].map(([explanation, labels]) => `${labels.join(", ")}. ${explanation}`);
}

/** Marks a table cell whose figure is a likely reading rather than a sure one. */
export function markReading(text: string, observation: Observation | undefined): string {
  return observation?.kind === "value" && observation.reading === "likely"
    ? `${text} (likely)`
    : text;
}
