import type { ComparatorMeasure, Comparators, ComparatorYear } from "../comparators/index.ts";
import { parseMonth } from "../model/period.ts";
import type { Observation } from "../model/types.ts";
import { formatDate, formatNumber, formatObservation, formatValue } from "../rules/format.ts";

/** One published year of a measure, laid out as the rows of a comparison table. */
export interface ComparatorTable {
  measure: ComparatorMeasure;
  year: ComparatorYear;
  /** "31 March 2021": the date the published figures refer to. */
  dateText: string;
  /** The table's caption: the measure's title with the date given once. */
  caption: string;
  rows: { label: string; figure: string }[];
}

/** Lists the measures shown beside an indicator, in the order of the comparators file. */
export function measuresFor(
  comparators: Comparators | undefined,
  indicatorId: string,
): ComparatorMeasure[] {
  return comparators?.measures.filter((measure) => measure.indicator === indicatorId) ?? [];
}

/**
 * Picks the published year whose reference date is nearest the end of a month, earlier on a tie.
 * For the newest month that is the latest publication; an archived month gets the figures of its
 * own time rather than ones published years later.
 */
export function nearestYear(measure: ComparatorMeasure, month: string): ComparatorYear | undefined {
  const target = monthIndex(month);
  let best: ComparatorYear | undefined;
  let bestDistance = Infinity;
  for (const year of measure.years) {
    const distance = Math.abs(monthIndex(year.date.slice(0, 7)) - target);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function monthIndex(month: string): number {
  const { year, month: number } = parseMonth(month);
  return year * 12 + number;
}

/** Lays out one year of a measure: the council, England, its region and its neighbours. */
export function comparatorTable(
  comparators: Comparators,
  measure: ComparatorMeasure,
  year: ComparatorYear,
): ComparatorTable {
  const format = (observation: Observation) =>
    formatObservation(observation, measure.unit, measure.decimals);
  return {
    measure,
    year,
    dateText: formatDate(year.date),
    caption: `${titleOnDate(measure.title, year.date)}: published comparators`,
    rows: [
      { label: comparators.council.name, figure: format(year.council) },
      { label: "England", figure: format(year.england) },
      { label: comparators.council.region, figure: format(year.region) },
      { label: "Statistical neighbours", figure: describeNeighbours(measure, year, comparators) },
    ],
  };
}

/**
 * Adds the year to a title that already names the day and month, such as "Children in care on
 * 31 March", so the date is not given twice. Other titles get the whole date after a comma.
 */
export function titleOnDate(title: string, isoDate: string): string {
  const fullDate = formatDate(isoDate);
  if (title.includes(fullDate)) return title;
  const dayAndMonth = fullDate.slice(0, fullDate.lastIndexOf(" "));
  const withoutYear = new RegExp(`\\b${dayAndMonth}\\b(?! \\d)`);
  if (withoutYear.test(title)) return title.replace(withoutYear, fullDate);
  return `${title}, ${fullDate}`;
}

/**
 * Decimal places for the neighbours' average, used on the month page and the indicator page
 * alike. The mean of whole numbers usually falls between them, so a measure published as whole
 * numbers gets one decimal, which keeps a gap of under one unit from the council visible. A
 * measure already published with decimals keeps its own places, because the average is taken
 * over rounded figures and a further place would claim precision they lack.
 */
export function neighbourAverageDecimals(measure: ComparatorMeasure): number {
  return Math.max(measure.decimals, 1);
}

/** Describes the neighbours as "average 61, range 40 to 88, 9 of 10 councils", naming any left out. */
export function describeNeighbours(
  measure: ComparatorMeasure,
  year: ComparatorYear,
  comparators: Comparators,
): string {
  const { neighbours } = year;
  const total = comparators.neighbourModel.neighbours.length;
  if (neighbours.count === 0 || neighbours.mean === undefined) {
    return `No neighbour figure is available (0 of ${total} councils)`;
  }
  const value = (figure: number, decimals: number) => formatValue(figure, measure.unit, decimals);
  const range =
    neighbours.min !== undefined && neighbours.max !== undefined
      ? `, range ${value(neighbours.min, measure.decimals)} to ${value(neighbours.max, measure.decimals)}`
      : "";
  const left = total - neighbours.count;
  const leftText = left > 0 ? `; ${left} not published or suppressed` : "";
  return `Average ${value(neighbours.mean, neighbourAverageDecimals(measure))}${range} (${formatNumber(neighbours.count, 0)} of ${total} councils${leftText})`;
}
