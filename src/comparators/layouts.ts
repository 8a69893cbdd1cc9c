import { closestMatch } from "../data/closest-match.ts";
import type { Problem } from "../data/problems.ts";
import { headerColumn, type CsvTable } from "./csv-table.ts";

/** The columns every published local authority table uses to say where and when a row is. */
export const GEOGRAPHY_COLUMNS = [
  "time_period",
  "geographic_level",
  "region_name",
  "old_la_code",
  "la_name",
] as const;

/** The geographic_level values for England, a region and a council. */
export const LEVELS = {
  england: "National",
  region: "Regional",
  council: "Local authority",
} as const;

export interface TableLayout {
  file: string;
  /** The month and day, as MM-DD, that a row's time_period year refers to. */
  referenceDay: string;
}

/**
 * The published tables the measures come from. Most count children on 31 March. The social work
 * workforce census counts staff on 30 September.
 */
export const TABLE_LAYOUTS: readonly TableLayout[] = [
  { file: "cla_number_and_rate_per_10k_children.csv", referenceDay: "03-31" },
  { file: "la_cla_placement_stability.csv", referenceDay: "03-31" },
  { file: "la_conviction_health_outcome_cla.csv", referenceDay: "03-31" },
  { file: "la_care_leavers_activity.csv", referenceDay: "03-31" },
  { file: "la_care_leavers_accommodation_suitability.csv", referenceDay: "03-31" },
  { file: "csww_indicators_2017_to_2025.csv", referenceDay: "09-30" },
];

export const NEIGHBOUR_COUNT = 10;

/** The statistical neighbour model: each council's ten nearest councils, closest first. */
export const NEIGHBOUR_MODEL = {
  file: "sn_model_2025_wide.csv",
  columns: [
    "old_la_code",
    "la_name",
    "region_name",
    ...Array.from({ length: NEIGHBOUR_COUNT }, (_, index) => [
      `SN_${index + 1}`,
      `SN_${index + 1}P`,
    ]).flat(),
  ],
} as const;

/** Reports every required column the table's header lacks, naming the nearest heading if any. */
export function checkColumns(table: CsvTable, required: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  // A heading that is itself required is present under its own name, so it cannot be the renamed one.
  const unused = table.header.filter((heading) => !required.includes(heading));
  for (const column of required) {
    if (table.header.includes(column)) continue;
    const nearest = closestMatch(column, unused);
    const nearestIndex = nearest === undefined ? -1 : table.header.indexOf(nearest);
    problems.push({
      severity: "error",
      file: table.file,
      line: 1,
      column: nearestIndex >= 0 ? headerColumn(table, nearestIndex) : 1,
      field: "header",
      message: `missing column "${column}"`,
      expected: `a column named ${column}`,
      found: nearest ? `"${nearest}"` : `no such column among the ${table.header.length} headings`,
      hint: nearest
        ? `"${nearest}" may be the same column renamed: if the published layout has changed, update the column names in src/comparators/`
        : `check that this is ${table.name} as published: if its layout has changed, update the column names in src/comparators/`,
    });
  }
  return problems;
}

/** Returns the index of every named column. Call it only after checkColumns found none missing. */
export function columnIndexes<const Name extends string>(
  table: CsvTable,
  names: readonly Name[],
): Record<Name, number> {
  const indexes = {} as Record<Name, number>;
  for (const name of names) indexes[name] = table.header.indexOf(name);
  return indexes;
}
