import type { Unit } from "../model/types.ts";

/**
 * Works out a percentage as the share of a total that is not in a "not known" category, for a
 * figure the table publishes only as its two parts.
 */
export interface KnownShare {
  /** The column holding the category, such as "breakdown". */
  categoryColumn: string;
  total: string;
  notKnown: string;
  description: string;
}

export interface MeasureDefinition {
  id: string;
  title: string;
  /** The catalogue indicator the measure is shown beside. */
  indicator: string;
  unit: Unit;
  /** Decimal places of the published figures. */
  decimals: number;
  table: string;
  /** The column the figure is read from. */
  column: string;
  /** The value each identifying column must have on the measure's rows. */
  rows: Record<string, string>;
  knownShare?: KnownShare;
  /** The difference between the published definition and the monthly measure, in one sentence. */
  note?: string;
}

const CHILDREN_IN_CARE_TABLE = "cla_number_and_rate_per_10k_children.csv";
const STABILITY_TABLE = "la_cla_placement_stability.csv";
const HEALTH_TABLE = "la_conviction_health_outcome_cla.csv";
const ACTIVITY_TABLE = "la_care_leavers_activity.csv";
const ACCOMMODATION_TABLE = "la_care_leavers_accommodation_suitability.csv";
const WORKFORCE_TABLE = "csww_indicators_2017_to_2025.csv";

const HEALTH_GROUP = "Health assessments: Children looked after all ages";

/** The published care leaver age groups, with the words used in ids and titles. */
const CARE_LEAVER_AGES = [
  { published: "17 to 18 years", id: "17-to-18", words: "17 to 18" },
  { published: "19 to 21 years", id: "19-to-21", words: "19 to 21" },
] as const;

type CareLeaverAge = (typeof CARE_LEAVER_AGES)[number];

function careLeaversInTouch(age: CareLeaverAge): MeasureDefinition {
  return {
    id: `care-leavers-in-touch-${age.id}`,
    title: `Care leavers aged ${age.words} whose activity the council knows (in touch)`,
    indicator: "care-leavers-in-touch",
    unit: "percent",
    decimals: 0,
    table: ACTIVITY_TABLE,
    column: "care_leaver_count",
    rows: { care_leaver_age: age.published },
    knownShare: {
      categoryColumn: "breakdown",
      total: "Total",
      notKnown: "Total information not known",
      description:
        'The table has no in-touch figure, so the percentage is worked out from counts as the "Total" less "Total information not known", over the "Total", to a whole percent.',
    },
    note: `Covers care leavers aged ${age.words} around a birthday in the year to 31 March and counts those whose activity is known as in touch, where the monthly measure covers every care leaver aged 17 to 21 the council supports.`,
  };
}

function careLeaversInEducationOrWork(age: CareLeaverAge): MeasureDefinition {
  return {
    id: `care-leavers-in-education-employment-or-training-${age.id}`,
    title: `Care leavers aged ${age.words} in education, employment or training`,
    indicator: "care-leavers-in-touch",
    unit: "percent",
    decimals: 0,
    table: ACTIVITY_TABLE,
    column: "care_leaver_percent",
    rows: {
      care_leaver_age: age.published,
      breakdown: "Total in education, employment or training",
    },
    note: `The scorecard has no monthly measure of education, employment or training, so this figure for care leavers aged ${age.words} around a birthday in the year to 31 March is shown beside the in-touch measure.`,
  };
}

function careLeaversSuitablyHoused(age: CareLeaverAge): MeasureDefinition {
  return {
    id: `care-leavers-suitable-accommodation-${age.id}`,
    title: `Care leavers aged ${age.words} in suitable accommodation`,
    indicator: "care-leavers-suitable-accommodation",
    unit: "percent",
    decimals: 0,
    table: ACCOMMODATION_TABLE,
    column: "care_leaver_percent",
    rows: { care_leaver_age: age.published, breakdown: "Accommodation considered suitable" },
    note: `Published for care leavers aged ${age.words} around a birthday in the year to 31 March, where the monthly measure covers every care leaver aged 17 to 21 the council supports.`,
  };
}

/** Every comparator measure, in the order the scorecard's sections show their indicators. */
export const MEASURES: readonly MeasureDefinition[] = [
  {
    id: "children-in-care-31-march",
    title: "Children in care on 31 March",
    indicator: "children-in-care",
    unit: "count",
    decimals: 0,
    table: CHILDREN_IN_CARE_TABLE,
    column: "children_count",
    rows: { population_type: "Children looked after on 31 March each year" },
    note: "Counted on 31 March each year, where the scorecard counts the children in care on the last day of each month.",
  },
  {
    id: "children-in-care-rate",
    title: "Children in care on 31 March per 10,000 children",
    indicator: "children-in-care",
    unit: "rate",
    decimals: 0,
    table: CHILDREN_IN_CARE_TABLE,
    column: "rate_per_10000",
    rows: { population_type: "Children looked after on 31 March each year" },
    note: "A rate per 10,000 children under 18 living in the area on 31 March, which lets councils of different sizes be compared, where the monthly measure is a count.",
  },
  {
    id: "average-caseload",
    title: "Average caseload of case-holding children and family social workers (FTE)",
    indicator: "average-caseload",
    unit: "count",
    decimals: 1,
    table: WORKFORCE_TABLE,
    column: "caseload_fte",
    rows: {},
    note: "Taken on 30 September across every case-holding children and family social worker, where the monthly measure gives each team's average caseload.",
  },
  {
    id: "three-plus-placements",
    title: "Children in care on 31 March with three or more placements during the year",
    indicator: "three-plus-placements",
    unit: "percent",
    decimals: 0,
    table: STABILITY_TABLE,
    column: "children_percent",
    rows: {
      cla_group: "CLA on 31 March",
      placement_stability: "With 3 or more placements during the year",
    },
    note: "Counts placements in the year to 31 March for the children in care on that day, where the monthly measure looks back 12 months from the end of each month.",
  },
  {
    id: "long-term-stability",
    title:
      "Children under 16 in care for at least 2.5 years who had lived with the same carer for at least 2 years",
    indicator: "long-term-stability",
    unit: "percent",
    decimals: 0,
    table: STABILITY_TABLE,
    column: "children_percent",
    rows: {
      cla_group:
        "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
    note: "Taken on 31 March for children in care continuously for at least 2.5 years, where the monthly measure takes the same group at the end of each month.",
  },
  {
    id: "annual-health-assessments",
    title: "Children in care for at least 12 months who had their annual health assessment",
    indicator: "annual-health-assessments",
    unit: "percent",
    decimals: 0,
    table: HEALTH_TABLE,
    column: "children_percent",
    rows: { characteristic: HEALTH_GROUP, breakdown: "Had their annual health assessment" },
    note: "Counts children in care continuously for 12 months on 31 March who had an assessment during the year, where the monthly measure checks whether each child's assessment is up to date at the end of the month.",
  },
  {
    id: "dental-checks",
    title: "Children in care for at least 12 months who had their teeth checked by a dentist",
    indicator: "dental-checks",
    unit: "percent",
    decimals: 0,
    table: HEALTH_TABLE,
    column: "children_percent",
    rows: { characteristic: HEALTH_GROUP, breakdown: "Had their teeth checked by a dentist" },
    note: "Counts children in care continuously for 12 months on 31 March whose teeth were checked during the year, where the monthly measure checks whether each child's dental check is up to date at the end of the month.",
  },
  ...CARE_LEAVER_AGES.map(careLeaversInTouch),
  ...CARE_LEAVER_AGES.map(careLeaversInEducationOrWork),
  ...CARE_LEAVER_AGES.map(careLeaversSuitablyHoused),
];

/** Returns every column a measure reads from its table, beside the geography columns. */
export function measureColumns(measure: MeasureDefinition): string[] {
  const columns = [measure.column, ...Object.keys(measure.rows)];
  if (measure.knownShare) columns.push(measure.knownShare.categoryColumn);
  return columns;
}
