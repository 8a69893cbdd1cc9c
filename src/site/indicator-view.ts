import {
  formatMonth,
  formatYearToDate,
  monthName,
  parseMonth,
  previousMonth,
} from "../model/period.ts";
import type {
  Indicator,
  IndicatorReport,
  MonthReport,
  Observation,
  Target,
} from "../model/types.ts";
import { directionOfTravel, type DirectionResult } from "../rules/direction.ts";
import { rateObservation, type RatingResult } from "../rules/rag.ts";
import { targetInForce } from "../rules/targets.ts";
import { formatObservation, formatValue } from "../rules/format.ts";
import type { ComparatorTable } from "./comparator-view.ts";

/** Everything a page shows about one indicator in one month, with its judgements computed. */
export interface IndicatorView {
  indicator: Indicator;
  report: IndicatorReport | undefined;
  current: Observation | undefined;
  currentText: string;
  /** The span the figure covers, in words: "Year to date, April to December 2020". */
  coverage: string;
  target: Target | undefined;
  targetText: string | undefined;
  rating: RatingResult;
  previous: { observation: Observation; period: string; fromFile: string } | undefined;
  direction: DirectionResult;
  /** Published comparators for the council, England, its region and its neighbours, if any. */
  comparisons: ComparatorTable[];
}

/**
 * Judges an indicator for a month. The previous figure is the one the month's own file gives,
 * or else the figure in the previous month's file when that month was published.
 */
export function viewIndicator(
  indicator: Indicator,
  month: MonthReport,
  previousMonthReport: MonthReport | undefined,
): IndicatorView {
  const report = month.indicators.get(indicator.id);
  const current = report?.current;
  const target = targetInForce(indicator.targets, month.period);
  const previous = findPrevious(indicator, month, previousMonthReport);

  return {
    indicator,
    report,
    current,
    currentText: formatObservation(current, indicator.unit, indicator.decimals),
    coverage: describeCoverage(indicator, month.period),
    target,
    targetText: target ? describeTarget(indicator, target.value) : undefined,
    rating: rateObservation(current, {
      polarity: indicator.polarity,
      target: target?.value,
      tolerance: indicator.tolerance,
      decimals: indicator.decimals,
      ...(indicator.smallBase !== undefined ? { smallBase: indicator.smallBase } : {}),
    }),
    previous,
    direction: directionOfTravel(
      current,
      previous?.observation,
      indicator.polarity,
      indicator.decimals,
    ),
    comparisons: [],
  };
}

function findPrevious(
  indicator: Indicator,
  month: MonthReport,
  previousMonthReport: MonthReport | undefined,
): IndicatorView["previous"] {
  const period = previousMonth(month.period);
  const own = month.indicators.get(indicator.id)?.previous;
  if (own) return { observation: own, period, fromFile: month.file };
  if (previousMonthReport?.period !== period) return undefined;
  // A year-to-date figure restarts in April, so March's figure is no baseline for April's.
  if (indicator.cadence === "year-to-date" && parseMonth(month.period).month === 4)
    return undefined;
  const observation = previousMonthReport.indicators.get(indicator.id)?.current;
  return observation ? { observation, period, fromFile: previousMonthReport.file } : undefined;
}

/** Describes a target as the scorecard states it: "above 97%", "below 546". */
export function describeTarget(indicator: Indicator, value: number): string {
  const word = indicator.polarity === "lower-is-better" ? "below" : "above";
  // Targets are round numbers more often than not: "above 97%" reads better than "above 97.0%".
  const decimals = Number.isInteger(value) ? 0 : indicator.decimals;
  return `${word} ${formatValue(value, indicator.unit, decimals)}`;
}

/** Describes the span of time a month's figure covers, by the indicator's cadence. */
export function describeCoverage(indicator: Indicator, period: string): string {
  switch (indicator.cadence) {
    case "snapshot":
      return `At the end of ${formatMonth(period)}`;
    case "monthly":
      return `During ${formatMonth(period)}`;
    case "year-to-date":
      return `Year to date, ${formatYearToDate(period)}`;
    case "rolling-year":
      return `The 12 months to the end of ${formatMonth(period)}`;
    case "quarterly":
      return `The latest quarter reported by ${monthName(period)} ${parseMonth(period).year}`;
  }
}
