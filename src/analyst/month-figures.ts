import type { ImportedFigure, ImportRow } from "./csv-import.ts";

/** The fields of an entry that hold its figure, which an imported figure replaces together. */
export const FIGURE_KEYS = ["value", "numerator", "denominator", "missing", "suppressed"] as const;

/** The fields that name the kind of figure an entry is. An entry has exactly one of them. */
export const KIND_KEYS: readonly string[] = ["value", "missing", "suppressed"];

export type PlannedFigure = ImportedFigure;

const REVISED_PREFIX = "Revised figure.";

/**
 * Returns the note to write for a row, or undefined to leave the entry's note as it is. A CSV
 * note replaces the entry's note. A revised figure's note starts "Revised figure.", followed by
 * the CSV's note when it gives one.
 */
export function noteFor(row: ImportRow, existingNote: string | undefined): string | undefined {
  const revised = row.figure.kind === "value" && row.figure.revised;
  if (!revised) return row.note;
  if (row.note !== undefined) {
    return row.note.startsWith(REVISED_PREFIX) ? row.note : `${REVISED_PREFIX} ${row.note}`;
  }
  return existingNote?.startsWith(REVISED_PREFIX) ? undefined : REVISED_PREFIX;
}
