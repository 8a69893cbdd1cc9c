import { csvFormatRows } from "d3-dsv";
import type { Indicator, Observation } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";
import { historyOf, type HistoryPoint } from "./history.ts";

const COLUMNS = [
  "indicator",
  "series",
  "period",
  "status",
  "value",
  "marker",
  "reason",
  "reported_in",
  "revised_from",
];

/** Formats an indicator's whole history as CSV: one row per figure, revisions named. */
export function historyCsv(dataset: Dataset, indicator: Indicator): string {
  const history = historyOf(dataset, indicator);
  const headlineName = indicator.cadence === "year-to-date" ? "year-to-date" : "monthly";
  const rows = [
    ...history.headline.map((point) => row(indicator, headlineName, point)),
    ...history.months.map((point) => row(indicator, "in-month", point)),
    ...history.quarters.map((point) => row(indicator, "quarterly", point)),
  ];
  return `${csvFormatRows([COLUMNS, ...rows])}\n`;
}

function row(indicator: Indicator, series: string, point: HistoryPoint): string[] {
  const first = point.revisions[0]?.from;
  return [
    indicator.id,
    series,
    point.period,
    point.observation.kind,
    point.observation.kind === "value" ? String(point.observation.value) : "",
    point.observation.kind === "suppressed" ? point.observation.marker : "",
    point.observation.kind === "missing" ? point.observation.reason : "",
    point.reportedIn,
    first ? figureText(first) : "",
  ];
}

function figureText(observation: Observation): string {
  if (observation.kind === "value") return String(observation.value);
  return observation.kind === "suppressed" ? `[${observation.marker}]` : "missing";
}
