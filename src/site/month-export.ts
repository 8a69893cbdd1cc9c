import { csvFormatRows } from "d3-dsv";
import type { Indicator, MonthReport, Observation } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";
import { viewMonth } from "./month-view.ts";

/** One figure of a month, flat, as the downloads give it. */
export interface ExportRow {
  month: string;
  section: string;
  indicator: string;
  title: string;
  unit: string;
  /** The period the figure is for: the month itself, or a series period. */
  period: string;
  category: string;
  status: Observation["kind"];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  marker: string;
  reason: string;
  note: string;
  /** "likely" for a figure read with some doubt from a damaged source, else empty. */
  reading: string;
  target: number | null;
  rating: string;
  direction: string;
}

const COLUMNS: (keyof ExportRow)[] = [
  "month",
  "section",
  "indicator",
  "title",
  "unit",
  "period",
  "category",
  "status",
  "value",
  "numerator",
  "denominator",
  "marker",
  "reason",
  "note",
  "reading",
  "target",
  "rating",
  "direction",
];

/** Lists every figure a month reports: headline figures with their judgements, then breakdowns and series. */
export function exportRows(dataset: Dataset, month: MonthReport): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const section of viewMonth(dataset, month).sections) {
    for (const view of section.indicators) {
      const { indicator, report } = view;
      const row = (period: string, category: string, observation: Observation): ExportRow => ({
        month: month.period,
        section: section.section.id,
        indicator: indicator.id,
        title: indicator.title,
        unit: indicator.unit,
        period,
        category,
        ...flatten(observation),
        target: null,
        rating: "",
        direction: "",
      });
      if (view.current) {
        rows.push({
          ...row(month.period, "", view.current),
          target: view.target?.value ?? null,
          rating: view.rating.rating ?? "",
          direction: view.direction.direction ?? "",
        });
      }
      for (const category of indicator.breakdown?.categories ?? []) {
        const observation = report?.breakdown.get(category.id);
        if (observation) rows.push(row(month.period, category.id, observation));
      }
      for (const point of report?.series ?? []) rows.push(row(point.period, "", point.observation));
    }
  }
  return rows;
}

function flatten(
  observation: Observation,
): Pick<
  ExportRow,
  "status" | "value" | "numerator" | "denominator" | "marker" | "reason" | "note" | "reading"
> {
  return {
    status: observation.kind,
    value: observation.kind === "value" ? observation.value : null,
    numerator: observation.kind === "value" ? (observation.numerator ?? null) : null,
    denominator: observation.kind === "value" ? (observation.denominator ?? null) : null,
    marker: observation.kind === "suppressed" ? observation.marker : "",
    reason: observation.kind === "missing" ? observation.reason : "",
    note: observation.note ?? "",
    reading: observation.kind === "value" ? (observation.reading ?? "") : "",
  };
}

/** Formats rows as CSV with a header; empty cells for missing numbers, never zero. */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  const cells = rows.map((row) =>
    COLUMNS.map((column) => (row[column] === null ? "" : String(row[column]))),
  );
  return `${csvFormatRows([COLUMNS, ...cells])}\n`;
}

/** Describes the month's indicators for the JSON download, with the catalogue entries they refer to. */
export function monthJson(dataset: Dataset, month: MonthReport): string {
  const indicators: Pick<
    Indicator,
    "id" | "title" | "unit" | "polarity" | "cadence" | "definition"
  >[] = dataset.catalogue.indicators.map(({ id, title, unit, polarity, cadence, definition }) => ({
    id,
    title,
    unit,
    polarity,
    cadence,
    definition,
  }));
  const document = {
    council: dataset.council.name,
    fictional: dataset.council.fictional,
    month: month.period,
    published: month.published ?? null,
    corrections: month.corrections,
    indicators,
    figures: exportRows(dataset, month),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
