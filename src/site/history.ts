import { comparePeriods, periodKind, previousMonth } from "../model/period.ts";
import { sameFigure } from "../model/observation.ts";
import type { Indicator, Observation } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";

/** A figure in an indicator's history, as the latest file to report it gives it. */
export interface HistoryPoint {
  period: string;
  observation: Observation;
  /**
   * The first month whose file gives this figure, so a revised figure is reported in the month
   * that revised it even when later files repeat it.
   */
  reportedIn: string;
  /** Earlier figures for the same period that later files replaced, oldest first. */
  revisions: Revision[];
}

export interface Revision {
  from: Observation;
  to: Observation;
  /** The month whose file changed the figure. */
  revisedIn: string;
}

export interface IndicatorHistory {
  /**
   * The figure each month reported for itself: a month-end count, an in-month figure, or the
   * year to date at that month, by the indicator's cadence.
   */
  headline: HistoryPoint[];
  /** In-month figures of a year-to-date indicator, from the months listed in its series. */
  months: HistoryPoint[];
  /** Quarterly figures, from series. */
  quarters: HistoryPoint[];
}

/**
 * Gathers every figure for an indicator across all month files. When a later file gives a
 * different figure for a period an earlier file already reported, the later one is used and the
 * change is kept as a revision. Each month's own page still shows its own file's figures.
 */
export function historyOf(dataset: Dataset, indicator: Indicator): IndicatorHistory {
  const tracks = {
    headline: new Map<string, HistoryPoint>(),
    months: new Map<string, HistoryPoint>(),
    quarters: new Map<string, HistoryPoint>(),
  };
  const yearToDate = indicator.cadence === "year-to-date";

  for (const month of dataset.months) {
    const report = month.indicators.get(indicator.id);
    if (!report) continue;
    if (report.previous)
      record(tracks.headline, previousMonth(month.period), report.previous, month.period);
    if (report.current) record(tracks.headline, month.period, report.current, month.period);
    for (const point of report.series) {
      const kind = periodKind(point.period);
      if (kind === "quarter")
        record(tracks.quarters, point.period, point.observation, month.period);
      else if (kind === "month") {
        record(
          yearToDate ? tracks.months : tracks.headline,
          point.period,
          point.observation,
          month.period,
        );
      }
    }
  }

  const sorted = (track: Map<string, HistoryPoint>) =>
    [...track.values()].sort((a, b) => comparePeriods(a.period, b.period));
  return {
    headline: sorted(tracks.headline),
    months: sorted(tracks.months),
    quarters: sorted(tracks.quarters),
  };
}

function record(
  track: Map<string, HistoryPoint>,
  period: string,
  observation: Observation,
  reportedIn: string,
): void {
  const existing = track.get(period);
  if (!existing) {
    track.set(period, { period, observation, reportedIn, revisions: [] });
    return;
  }
  // Files are read oldest first, so a later month's file replaces the figure an earlier one gave.
  if (existing.reportedIn > reportedIn) return;
  // A later file that repeats the figure leaves it reported in the month that first gave it.
  if (!sameFigure(existing.observation, observation)) {
    existing.revisions.push({ from: existing.observation, to: observation, revisedIn: reportedIn });
    existing.reportedIn = reportedIn;
  }
  existing.observation = observation;
}
