import type { Chart } from "../charts/chart.ts";
import { comparatorChart } from "../charts/comparator-chart.ts";
import { seriesChart } from "../charts/series-chart.ts";
import type { ComparatorMeasure } from "../comparators/index.ts";
import { monthRange } from "../model/period.ts";
import type { Indicator, SeriesPoint } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";
import { measuresFor } from "./comparator-view.ts";
import { historyOf, type HistoryPoint, type IndicatorHistory } from "./history.ts";

export interface IndicatorPageView {
  indicator: Indicator;
  history: IndicatorHistory;
  charts: Chart[];
  /** Every revised figure, for the list of changes. */
  revised: HistoryPoint[];
  /** The published measures compared with other councils, each with its chart. */
  comparisons: { measure: ComparatorMeasure; chart: Chart }[];
}

/** Builds an indicator's page: its history across every month file, charted and tabled. */
export function viewIndicatorPage(dataset: Dataset, indicator: Indicator): IndicatorPageView {
  const history = historyOf(dataset, indicator);
  const charts: Chart[] = [];
  const yearToDate = indicator.cadence === "year-to-date";

  if (history.headline.length > 0) {
    charts.push(
      seriesChart(indicator, withUnpublishedGaps(history.headline), {
        title: yearToDate
          ? `${indicator.title}: year to date at each month`
          : `${indicator.title}: each month`,
        idSuffix: "history",
        restartEachApril: yearToDate,
        revisedPeriods: revisedPeriods(history.headline),
      }),
    );
  }
  if (history.months.length > 0) {
    charts.push(
      seriesChart(indicator, withUnpublishedGaps(history.months), {
        title: `${indicator.title}: each month on its own`,
        idSuffix: "monthly",
        revisedPeriods: revisedPeriods(history.months),
      }),
    );
  }
  if (history.quarters.length > 0) {
    charts.push(
      seriesChart(indicator, toSeries(history.quarters), {
        title: `${indicator.title}: each financial quarter`,
        idSuffix: "quarterly",
        revisedPeriods: revisedPeriods(history.quarters),
      }),
    );
  }
  const revised = [...history.headline, ...history.months, ...history.quarters].filter(
    (point) => point.revisions.length > 0,
  );
  const { comparators } = dataset;
  const comparisons = measuresFor(comparators, indicator.id).map((measure) => ({
    measure,
    chart: comparatorChart(comparators!, measure),
  }));
  return { indicator, history, charts, revised, comparisons };
}

function toSeries(points: readonly HistoryPoint[]): SeriesPoint[] {
  return points.map(({ period, observation }) => ({ period, observation }));
}

/** Fills the months between the first and last figure, so an unreported month shows as a gap. */
function withUnpublishedGaps(points: readonly HistoryPoint[]): SeriesPoint[] {
  const byPeriod = new Map(points.map((point) => [point.period, point.observation]));
  const first = points[0]!.period;
  const last = points[points.length - 1]!.period;
  return monthRange(first, last).map((period) => ({
    period,
    observation: byPeriod.get(period) ?? {
      kind: "missing",
      reason: "no figure was published for this month",
    },
  }));
}

function revisedPeriods(points: readonly HistoryPoint[]): string[] {
  return points.filter((point) => point.revisions.length > 0).map((point) => point.period);
}
