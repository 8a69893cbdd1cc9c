/**
 * Writes small tables in the Department for Education's published layout for comparator tests:
 * England, two regions, the councils 873 and 882 and ten neighbours, for 2021 and 2022. Every
 * cell gets a plausible generated figure unless the test sets it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FIXTURE_YEARS = ["2021", "2022"] as const;

interface FixturePlace {
  level: "National" | "Regional" | "Local authority";
  code: string;
  name: string;
  region: string;
}

const EAST = "East of England";
const SOUTH_EAST = "South East";

const NEIGHBOUR_NAMES = [
  "Alderton",
  "Brambleford",
  "Bristol, City of",
  "Dunmere",
  "Eastwick",
  "Fenbury",
  "Greyhaven",
  "Hollowmere",
  "Ivybridge Vale",
  "Juniper Cross",
];

export const FIXTURE_COUNCILS: readonly FixturePlace[] = [
  { level: "Local authority", code: "873", name: "Cambridgeshire", region: EAST },
  { level: "Local authority", code: "882", name: "Southend-on-Sea", region: EAST },
  ...NEIGHBOUR_NAMES.map((name, index) => ({
    level: "Local authority" as const,
    code: String(801 + index),
    name,
    region: index < 5 ? EAST : SOUTH_EAST,
  })),
];

const PLACES: readonly FixturePlace[] = [
  { level: "National", code: "", name: "", region: "" },
  { level: "Regional", code: "", name: "", region: EAST },
  { level: "Regional", code: "", name: "", region: SOUTH_EAST },
  ...FIXTURE_COUNCILS,
];

/** The neighbours of 873 are 801 to 810; those of 882 are 873 and 801 to 809. */
export const FIXTURE_NEIGHBOURS: Record<string, string[]> = {
  "873": NEIGHBOUR_NAMES.map((_, index) => String(801 + index)),
  "882": ["873", ...NEIGHBOUR_NAMES.slice(0, 9).map((_, index) => String(801 + index))],
};

const GEOGRAPHY = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "la_name",
  "new_la_code",
];

interface FixtureTable {
  file: string;
  /** Some published tables start with a byte-order mark. */
  bom: boolean;
  header: string[];
  /** The identifying columns of each row written for every place and year. */
  categories: Record<string, string>[];
}

const CARE_LEAVER_AGES = ["17 to 18 years", "19 to 21 years"];

const TABLES: readonly FixtureTable[] = [
  {
    file: "cla_number_and_rate_per_10k_children.csv",
    bom: true,
    header: [
      ...GEOGRAPHY,
      "population_type",
      "population_estimate",
      "children_count",
      "rate_per_10000",
    ],
    categories: [
      { population_type: "Children looked after on 31 March each year" },
      { population_type: "Children starting to be looked after each year" },
    ],
  },
  {
    file: "la_cla_placement_stability.csv",
    bom: true,
    header: [
      ...GEOGRAPHY,
      "cla_group",
      "placement_stability",
      "children_count",
      "children_percent",
    ],
    categories: [
      {
        cla_group: "CLA on 31 March",
        placement_stability: "With 3 or more placements during the year",
      },
      { cla_group: "CLA on 31 March", placement_stability: "Total children" },
      {
        cla_group:
          "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
        placement_stability: "Living with the same carer for at least 2 years",
      },
    ],
  },
  {
    file: "la_conviction_health_outcome_cla.csv",
    bom: false,
    header: [...GEOGRAPHY, "characteristic", "breakdown", "children_count", "children_percent"],
    categories: [
      "Had their annual health assessment",
      "Had their teeth checked by a dentist",
      "Total all ages",
    ].map((breakdown) => ({
      characteristic: "Health assessments: Children looked after all ages",
      breakdown,
    })),
  },
  {
    file: "la_care_leavers_activity.csv",
    bom: true,
    header: [
      ...GEOGRAPHY,
      "care_leaver_age",
      "breakdown",
      "care_leaver_count",
      "care_leaver_percent",
    ],
    categories: CARE_LEAVER_AGES.flatMap((age) =>
      [
        "Total",
        "Total information not known",
        "Total in education, employment or training",
        "Not in education, training or employment, owing to other reasons",
      ].map((breakdown) => ({ care_leaver_age: age, breakdown })),
    ),
  },
  {
    file: "la_care_leavers_accommodation_suitability.csv",
    bom: false,
    header: [
      ...GEOGRAPHY,
      "care_leaver_age",
      "breakdown",
      "care_leaver_count",
      "care_leaver_percent",
    ],
    categories: CARE_LEAVER_AGES.flatMap((age) =>
      ["Accommodation considered suitable", "Suitability total"].map((breakdown) => ({
        care_leaver_age: age,
        breakdown,
      })),
    ),
  },
  {
    file: "csww_indicators_2017_to_2025.csv",
    bom: false,
    header: [
      ...GEOGRAPHY.slice(0, 8),
      "new_la_code",
      "la_name",
      "case_holders_fte",
      "cases",
      "caseload_fte",
    ],
    categories: [{}],
  },
];

/** Sets one published cell, found by table, place, year, identifying columns and column. */
export interface CellOverride {
  file: string;
  /** A council code, "england", or a region's name. */
  place: string;
  year: string;
  /** Identifying columns the row must have, such as { breakdown: "Total" }. */
  row?: Record<string, string>;
  column: string;
  text: string;
}

export interface FixtureOptions {
  overrides?: CellOverride[];
  /** Renames a heading in one table, to imitate a changed layout. */
  renameColumn?: { file: string; from: string; to: string };
  /** Rewrites every cell with one text in one table, to imitate a renamed category. */
  renameValue?: { file: string; from: string; to: string };
  /** Leaves a council's rows out of every table. */
  withoutCouncil?: string;
}

/** Writes the fixture tables to a new temporary folder and returns the folder. */
export function writeFixtureTables(options: FixtureOptions = {}): string {
  const directory = mkdtempSync(join(tmpdir(), "comparator-tables-"));
  mkdirSync(directory, { recursive: true });
  for (const table of TABLES) writeTable(directory, table, options);
  writeNeighbourModel(directory);
  return directory;
}

function writeTable(directory: string, table: FixtureTable, options: FixtureOptions): void {
  const lines: string[] = [];
  const header = table.header.map((heading) =>
    options.renameColumn?.file === table.file && options.renameColumn.from === heading
      ? options.renameColumn.to
      : heading,
  );
  lines.push(header.join(","));
  for (const year of [...FIXTURE_YEARS].reverse()) {
    for (const place of PLACES) {
      if (place.code === options.withoutCouncil) continue;
      table.categories.forEach((category, categoryIndex) => {
        const row: Record<string, string> = {
          time_period: year,
          time_identifier: "Reporting year",
          geographic_level: place.level,
          country_code: "E92000001",
          country_name: "England",
          region_code: place.region === "" ? "" : place.region === EAST ? "E12000006" : "E12000008",
          region_name: place.region,
          old_la_code: place.code,
          la_name: place.name,
          new_la_code: place.code === "" ? "" : `E0${place.code}`,
          ...category,
        };
        for (const column of table.header) {
          if (row[column] === undefined)
            row[column] = generatedFigure(column, category, place, year, categoryIndex);
        }
        for (const override of options.overrides ?? []) {
          if (matches(override, table.file, place, year, category))
            row[override.column] = override.text;
        }
        const rename = options.renameValue?.file === table.file ? options.renameValue : undefined;
        const cells = table.header.map((column) => {
          const text = row[column] ?? "";
          return quote(rename && text === rename.from ? rename.to : text);
        });
        lines.push(cells.join(","));
      });
    }
  }
  writeFileSync(join(directory, table.file), `${table.bom ? "\uFEFF" : ""}${lines.join("\n")}\n`);
}

function matches(
  override: CellOverride,
  file: string,
  place: FixturePlace,
  year: string,
  category: Record<string, string>,
): boolean {
  if (override.file !== file || override.year !== year) return false;
  const placeMatches =
    override.place === "england"
      ? place.level === "National"
      : place.level === "Local authority"
        ? override.place === place.code
        : place.level === "Regional" && override.place === place.region;
  if (!placeMatches) return false;
  return Object.entries(override.row ?? {}).every(([column, value]) => category[column] === value);
}

/** A plausible figure that differs between places, years and categories. */
function generatedFigure(
  column: string,
  category: Record<string, string>,
  place: FixturePlace,
  year: string,
  categoryIndex: number,
): string {
  const seed =
    (Number(place.code) || (place.level === "National" ? 7 : place.region.length)) +
    Number(year) -
    2021;
  if (column === "care_leaver_count" && category.breakdown === "Total information not known") {
    return String(seed % 7);
  }
  if (column.endsWith("_count") || column === "cases")
    return String(100 + (seed % 90) + categoryIndex * 3);
  if (column.endsWith("_percent")) return String(40 + ((seed + categoryIndex) % 55));
  if (column === "rate_per_10000") return String(30 + (seed % 40));
  if (column === "caseload_fte") return ((120 + (seed % 60)) / 10).toFixed(1);
  return String(1000 + seed);
}

function writeNeighbourModel(directory: string): void {
  const ranks = Array.from({ length: 10 }, (_, index) => index + 1);
  const header = [
    "old_la_code",
    "la_name",
    "region_ind",
    "region_name",
    ...ranks.flatMap((rank) => [`SN_${rank}`, `SN_${rank}P`]),
  ];
  const lines = [header.join(",")];
  for (const council of FIXTURE_COUNCILS) {
    const neighbours =
      FIXTURE_NEIGHBOURS[council.code] ??
      FIXTURE_COUNCILS.filter((other) => other.code !== council.code)
        .slice(0, 10)
        .map((other) => other.code);
    const cells = neighbours.flatMap((code, index) => [
      code,
      index === 0 ? "Very close" : "Close ",
    ]);
    lines.push([council.code, quote(council.name), "2", council.region, ...cells].join(","));
  }
  writeFileSync(join(directory, "sn_model_2025_wide.csv"), `\uFEFF${lines.join("\n")}\n`);
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
