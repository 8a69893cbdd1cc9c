import type { Observation, Unit } from "../model/types.ts";
import { formatMonth } from "../model/period.ts";
import { roundTo } from "./rounding.ts";

const formatters = new Map<number, Intl.NumberFormat>();

/** Formats a number in en-GB style with a fixed number of decimals: 1,234 or 98.5. */
export function formatNumber(value: number, decimals: number): string {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, formatter);
  }
  // Intl rounds half to even on some inputs; round first so text and judgements agree.
  const rounded = roundTo(value, decimals);
  // Negative zero would print as "-0".
  return formatter.format(Object.is(rounded, -0) ? 0 : rounded);
}

/** Formats a value with its unit: "664", "98.5%", "467 days", "57 per 10,000". */
export function formatValue(value: number, unit: Unit, decimals: number): string {
  const number = formatNumber(value, decimals);
  switch (unit) {
    case "percent":
      return `${number}%`;
    case "days":
      return `${number} ${value === 1 && decimals === 0 ? "day" : "days"}`;
    case "rate":
      return `${number} per 10,000`;
    case "count":
      return number;
  }
}

/** Formats a difference with its sign: "+3", "−1.5 points" (a minus sign, not a hyphen). */
export function formatDifference(difference: number, unit: Unit, decimals: number): string {
  let sign = "";
  if (difference > 0) sign = "+";
  if (difference < 0) sign = "−";
  const magnitude = formatNumber(Math.abs(difference), decimals);
  switch (unit) {
    case "percent":
      return `${sign}${magnitude} percentage points`;
    case "days":
      return `${sign}${magnitude} days`;
    case "rate":
      return `${sign}${magnitude} per 10,000`;
    case "count":
      return `${sign}${magnitude}`;
  }
}

/** Formats an observation for a table cell: the value, "Missing" or the suppression marker. */
export function formatObservation(
  observation: Observation | undefined,
  unit: Unit,
  decimals: number,
): string {
  if (!observation) return "Not reported";
  switch (observation.kind) {
    case "value":
      return formatValue(observation.value, unit, decimals);
    case "missing":
      return "Missing";
    case "suppressed":
      return `Suppressed [${observation.marker}]`;
  }
}

const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

/** Formats an ISO calendar date string as "15 January 2021" without going through Date. */
export function formatDate(isoDate: string): string {
  const match = DATE_PATTERN.exec(isoDate);
  if (!match) throw new Error(`invalid date "${isoDate}": expected YYYY-MM-DD`);
  return `${Number(match[3])} ${formatMonth(isoDate.slice(0, 7))}`;
}
