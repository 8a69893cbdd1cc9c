import { financialYearOf, lastMonthOf, periodKind } from "../model/period.ts";
import type { Indicator, SeriesPoint } from "../model/types.ts";
import { formatObservation, formatValue } from "../rules/format.ts";
import { targetInForce } from "../rules/targets.ts";
import { describeTarget } from "../site/indicator-view.ts";
import type { Chart } from "./chart.ts";
import { axisPeriodLabel, shortPeriodLabel } from "./labels.ts";
import { explainObservations, markReading } from "./notes.ts";
import { renderChart, type Markish, type PlotApi, type PlotOptions } from "./render.ts";

interface Point {
  period: string;
  label: string;
  /** NaN for a missing or suppressed figure, which Plot draws as a gap. */
  value: number;
  text: string;
  target: number;
  financialYear: string;
  revised: boolean;
}

export interface SeriesChartOptions {
  title?: string;
  /** Appended to the indicator id for the chart's anchor. */
  idSuffix?: string;
  restartEachApril?: boolean;
  /** Periods whose figure a later file revised: drawn with a distinct mark and named in the table. */
  revisedPeriods?: readonly string[];
}

/**
 * Charts an indicator's figures over time (see seriesPlot for the picture), with a summary and a
 * table that gives the target in force for each period.
 */
export function seriesChart(
  indicator: Indicator,
  series: readonly SeriesPoint[],
  options: SeriesChartOptions = {},
): Chart {
  const revised = new Set(options.revisedPeriods ?? []);
  const points: Point[] = series.map(({ period, observation }) => ({
    period,
    label: shortPeriodLabel(period),
    value: observation.kind === "value" ? observation.value : NaN,
    text:
      formatObservation(observation, indicator.unit, indicator.decimals) +
      (revised.has(period) ? " (revised)" : ""),
    target: targetInForce(indicator.targets, lastMonthOf(period))?.value ?? NaN,
    financialYear: financialYearOf(lastMonthOf(period)),
    revised: revised.has(period),
  }));
  const monthly = points.every((point) => periodKind(point.period) === "month");
  const title = options.title ?? `${indicator.title} by ${monthly ? "month" : "quarter"}`;
  const hasTarget = points.some((point) => !Number.isNaN(point.target));
  const svg = renderChart(
    title,
    {
      points,
      monthly,
      restartEachApril: options.restartEachApril ?? false,
      percent: indicator.unit === "percent",
    },
    seriesPlot,
  );

  return {
    id: `${indicator.id}-${options.idSuffix ?? "series"}`,
    title,
    summary: summariseSeries(indicator, points),
    svg,
    table: {
      caption: title,
      columns: ["Period", "Figure", ...(hasTarget ? ["Target"] : [])],
      rows: points.map((point, index) => ({
        label: point.label,
        cells: [
          markReading(point.text, series[index]!.observation),
          ...(hasTarget
            ? [Number.isNaN(point.target) ? "None" : describeTarget(indicator, point.target)]
            : []),
        ],
      })),
    },
    notes: explainObservations(
      series.map(({ period, observation }) => ({ label: shortPeriodLabel(period), observation })),
    ),
  };
}

/** The data a series chart's picture is drawn from (see renderChart). */
interface SeriesPicture {
  points: Point[];
  monthly: boolean;
  /** Year-to-date figures restart each April: one line per financial year, never joined across. */
  restartEachApril: boolean;
  percent: boolean;
}

/**
 * Returns Plot options for bars across quarters and years, or a line across months. A missing
 * point is a gap, never zero. The target in force for each period is dashed: a step line across
 * months, a tick across each bar.
 */
function seriesPlot(
  { points, monthly, restartEachApril, percent }: SeriesPicture,
  Plot: PlotApi,
): PlotOptions {
  const z = restartEachApril ? "financialYear" : undefined;
  const labels = points.map((point) => point.label);
  const hasTarget = points.some((point) => !Number.isNaN(point.target));
  const marks: Markish[] = [];
  if (monthly) {
    marks.push(
      Plot.lineY(points, { x: "label", y: "value", z, className: "series-line" }),
      Plot.dot(points, { x: "label", y: "value", className: "series-dot", r: 3 }),
      Plot.dot(
        points.filter((point) => point.revised),
        { x: "label", y: "value", className: "revised-dot", r: 6, symbol: "diamond" },
      ),
    );
  } else {
    marks.push(
      Plot.barY(points, { x: "label", y: "value", className: "bar" }),
      Plot.text(points, {
        x: "label",
        y: "value",
        text: (point: Point) => (Number.isNaN(point.value) ? "missing" : point.text),
        dy: -6,
        className: "bar-label",
        frameAnchor: "bottom",
      }),
    );
  }
  if (hasTarget && monthly) {
    marks.push(
      Plot.lineY(points, {
        x: "label",
        y: "target",
        className: "target-line",
        curve: "step-after",
      }),
    );
  } else if (hasTarget) {
    marks.push(Plot.tickY(points, { x: "label", y: "target", className: "target-line" }));
  }
  marks.push(Plot.ruleY([0]));
  return {
    width: 640,
    height: 260,
    marginBottom: 40,
    x: {
      type: monthly ? "point" : "band",
      domain: labels,
      label: null,
      ticks: thinTicks(labels),
      tickFormat: axisPeriodLabel,
      padding: monthly ? 0.3 : 0.2,
    },
    y: {
      domain: percent ? [0, 100] : undefined,
      label: percent ? "%" : null,
      grid: true,
      nice: true,
    },
    marks,
  };
}

/** Keeps axis labels legible: at most about twelve ticks, always including the last. */
function thinTicks(labels: readonly string[]): string[] {
  const step = Math.ceil(labels.length / 12);
  return labels.filter((_, index) => (labels.length - 1 - index) % step === 0);
}

function summariseSeries(indicator: Indicator, points: readonly Point[]): string {
  const known = points.filter((point) => !Number.isNaN(point.value));
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimals);
  if (known.length === 0) return `None of the ${points.length} figures in the series is available.`;
  const lowest = known.reduce((best, point) => (point.value < best.value ? point : best));
  const highest = known.reduce((best, point) => (point.value > best.value ? point : best));
  const latest = known[known.length - 1]!;
  const gaps = points.length - known.length;
  if (known.length === 1) {
    const others =
      gaps === 1
        ? " The other figure is missing and shown as a gap."
        : gaps > 1
          ? ` The other ${gaps} are missing and shown as gaps.`
          : "";
    return `The only figure is for ${latest.label}: ${format(latest.value)}.${others}`;
  }
  const gapText =
    gaps > 0 ? ` ${gaps} of ${points.length} figures are missing and shown as gaps.` : "";
  return (
    `From ${points[0]!.label} to ${points[points.length - 1]!.label} the figure ranged from ` +
    `${format(lowest.value)} (${lowest.label}) to ${format(highest.value)} (${highest.label}); ` +
    `the latest, ${latest.label}, was ${format(latest.value)}.${gapText}`
  );
}
