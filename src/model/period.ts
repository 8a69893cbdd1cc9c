/**
 * Periods are plain strings, never Date objects, so that every page and chart is the same in
 * any time zone. Three kinds are used:
 *   month              "2020-12"
 *   financial quarter  "2020/21 Q3"  (Q1 is April to June)
 *   financial year     "2020/21"     (April 2020 to March 2021)
 */

export type PeriodKind = "month" | "quarter" | "year";

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FINANCIAL_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;
const QUARTER_PATTERN = /^(\d{4})\/(\d{2}) Q([1-4])$/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface Month {
  year: number;
  /** 1 to 12 */
  month: number;
}

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

export function parseMonth(text: string): Month {
  const match = MONTH_PATTERN.exec(text);
  if (!match) throw new Error(`invalid month "${text}": expected YYYY-MM, for example 2020-12`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function formatMonthKey({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Returns the month `count` months after `period` (or before, when `count` is negative). */
export function addMonths(period: string, count: number): string {
  const { year, month } = parseMonth(period);
  const index = year * 12 + (month - 1) + count;
  return formatMonthKey({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

export function previousMonth(period: string): string {
  return addMonths(period, -1);
}

export function nextMonth(period: string): string {
  return addMonths(period, 1);
}

/** Returns every month from `first` to `last`, both included, in order. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** Returns the year in which the financial year containing `period` starts (April is month 4). */
export function financialYearStart(period: string): number {
  const { year, month } = parseMonth(period);
  return month >= 4 ? year : year - 1;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function financialYearOf(period: string): string {
  return financialYearLabel(financialYearStart(period));
}

/** Returns the financial quarter (1 to 4, Q1 = April to June) that contains the month. */
export function financialQuarterNumber(period: string): number {
  const { month } = parseMonth(period);
  return Math.floor(((month + 8) % 12) / 3) + 1;
}

export function financialQuarterOf(period: string): string {
  return `${financialYearOf(period)} Q${financialQuarterNumber(period)}`;
}

/** Returns the months of the financial year to date: April of that year up to `period`. */
export function yearToDateMonths(period: string): string[] {
  return monthRange(`${financialYearStart(period)}-04`, period);
}

/** Returns the three months of a financial quarter such as "2020/21 Q3". */
export function monthsOfQuarter(quarter: string): string[] {
  const { startYear, quarter: number } = parseQuarter(quarter);
  const first = addMonths(`${startYear}-04`, (number - 1) * 3);
  return monthRange(first, addMonths(first, 2));
}

export function parseQuarter(text: string): { startYear: number; quarter: number } {
  const match = QUARTER_PATTERN.exec(text);
  if (!match || !followsYear(Number(match[1]), match[2]!)) {
    throw new Error(`invalid quarter "${text}": expected a financial quarter such as 2020/21 Q3`);
  }
  return { startYear: Number(match[1]), quarter: Number(match[3]) };
}

/** The two-digit end year must be the year after the start year, as in 2020/21. */
function followsYear(startYear: number, endDigits: string): boolean {
  return (startYear + 1) % 100 === Number(endDigits);
}

/** Returns the kind of a period string, or undefined when it matches none of the three forms. */
export function periodKind(text: string): PeriodKind | undefined {
  if (MONTH_PATTERN.test(text)) return "month";
  const quarter = QUARTER_PATTERN.exec(text);
  if (quarter) return followsYear(Number(quarter[1]), quarter[2]!) ? "quarter" : undefined;
  const year = FINANCIAL_YEAR_PATTERN.exec(text);
  if (year) return followsYear(Number(year[1]), year[2]!) ? "year" : undefined;
  return undefined;
}

/** Returns the last month a period covers, which orders periods of different kinds. */
export function lastMonthOf(period: string): string {
  switch (periodKind(period)) {
    case "month":
      return period;
    case "quarter":
      return monthsOfQuarter(period)[2]!;
    case "year":
      return `${Number(period.slice(0, 4)) + 1}-03`;
    default:
      throw new Error(`invalid period "${period}"`);
  }
}

/** Orders periods by the last month they cover, then shorter periods first. */
export function comparePeriods(a: string, b: string): number {
  const byEnd = lastMonthOf(a).localeCompare(lastMonthOf(b));
  if (byEnd !== 0) return byEnd;
  return kindOrder(a) - kindOrder(b);
}

function kindOrder(period: string): number {
  return ["month", "quarter", "year"].indexOf(periodKind(period) ?? "");
}

export function monthName(period: string): string {
  return MONTH_NAMES[parseMonth(period).month - 1]!;
}

/** Formats a month as "December 2020". */
export function formatMonth(period: string): string {
  return `${monthName(period)} ${parseMonth(period).year}`;
}

/** Formats a month briefly as "Dec 2020", for chart axes. */
export function formatMonthShort(period: string): string {
  return `${monthName(period).slice(0, 3)} ${parseMonth(period).year}`;
}

/** Formats any period for reading: "December 2020", "Q3 2020/21 (October to December 2020)", "2020/21". */
export function formatPeriod(period: string): string {
  switch (periodKind(period)) {
    case "month":
      return formatMonth(period);
    case "quarter": {
      const [first, , last] = monthsOfQuarter(period);
      const { quarter } = parseQuarter(period);
      return `Q${quarter} ${period.slice(0, 7)} (${monthName(first!)} to ${formatMonth(last!)})`;
    }
    case "year":
      return `financial year ${period}`;
    default:
      return period;
  }
}

/** Describes the span a year-to-date figure covers: "April to December 2020". */
export function formatYearToDate(period: string): string {
  const first = `${financialYearStart(period)}-04`;
  if (first === period) return formatMonth(period);
  const firstText =
    first.slice(0, 4) === period.slice(0, 4) ? monthName(first) : formatMonth(first);
  return `${firstText} to ${formatMonth(period)}`;
}
