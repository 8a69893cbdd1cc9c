import type { ComparatorMeasure, Comparators } from "../comparators/index.ts";
import { formatMonthShort } from "../model/period.ts";
import type { Observation } from "../model/types.ts";
import { formatObservation, formatValue } from "../rules/format.ts";
import { neighbourAverageDecimals } from "../site/comparator-view.ts";
import type { Chart } from "./chart.ts";
import { renderChart, type Markish, type PlotApi, type PlotOptions } from "./render.ts";

interface Line {
  name: string;
  /** CSS class giving the line its colour and dash pattern. */
  className: string;
  points: { label: string; value: number }[];
}

const CHART_HEIGHT = 280;
/** The plot area's height: the chart's height less Plot's default top and bottom margins. */
const PLOT_AREA_HEIGHT = CHART_HEIGHT - 50;
const LABEL_GAP_PIXELS = 13;

const valueOf = (observation: Observation) =>
  observation.kind === "value" ? observation.value : NaN;

/**
 * Draws a published measure over the years: the council, England, the region and the neighbours'
 * average as lines, each named at its end (so no legend or colour is needed to tell them apart),
 * over a band from the lowest to the highest neighbour. A suppressed year is a gap.
 */
export function comparatorChart(comparators: Comparators, measure: ComparatorMeasure): Chart {
  const labels = measure.years.map((year) => formatMonthShort(year.date.slice(0, 7)));
  const line = (name: string, className: string, pick: (index: number) => number): Line => ({
    name,
    className,
    points: labels.map((label, index) => ({ label, value: pick(index) })),
  });
  const council = line(comparators.council.name, "comparator-council", (index) =>
    valueOf(measure.years[index]!.council),
  );
  const england = line("England", "comparator-england", (index) =>
    valueOf(measure.years[index]!.england),
  );
  const region = line(comparators.council.region, "comparator-region", (index) =>
    valueOf(measure.years[index]!.region),
  );
  const neighbours = line(
    "Neighbours' average",
    "comparator-neighbours",
    (index) => measure.years[index]!.neighbours.mean ?? NaN,
  );
  // England's and the region's counts dwarf one council's, so a count is drawn against the
  // neighbours only; the table still gives all four.
  const lines =
    measure.unit === "count" ? [council, neighbours] : [council, england, region, neighbours];
  const range = measure.years.map((year, index) => ({
    label: labels[index]!,
    min: year.neighbours.min ?? NaN,
    max: year.neighbours.max ?? NaN,
  }));
  const title =
    measure.unit === "count"
      ? `${measure.title}: ${comparators.council.name} compared with its statistical neighbours (England and ${comparators.council.region} are in the table)`
      : `${measure.title}: ${comparators.council.name} compared with England, ${comparators.council.region} and statistical neighbours`;

  const svg = renderChart(
    title,
    { labels, lines, range, percent: measure.unit === "percent" },
    comparatorPlot,
  );

  const format = (observation: Observation) =>
    formatObservation(observation, measure.unit, measure.decimals);
  const neighbourValue = (value: number | undefined, decimals: number) =>
    value === undefined ? "Not available" : formatValue(value, measure.unit, decimals);
  return {
    id: `comparators-${measure.id}`,
    title,
    summary: summarise(comparators, measure),
    svg,
    table: {
      caption: `${measure.title}, published by the Department for Education`,
      columns: [
        "Figures as at",
        comparators.council.name,
        "England",
        comparators.council.region,
        "Neighbours' average",
        "Neighbours' range",
      ],
      rows: measure.years.map((year, index) => ({
        label: labels[index]!,
        cells: [
          format(year.council),
          format(year.england),
          format(year.region),
          neighbourValue(year.neighbours.mean, neighbourAverageDecimals(measure)),
          year.neighbours.min === undefined
            ? "Not available"
            : `${neighbourValue(year.neighbours.min, measure.decimals)} to ${neighbourValue(year.neighbours.max, measure.decimals)}`,
        ],
      })),
    },
    notes: [],
  };
}

/** The data a comparator chart's picture is drawn from (see renderChart). */
interface ComparatorPicture {
  labels: string[];
  lines: Line[];
  /** The neighbours' lowest and highest figures for each year. */
  range: { label: string; min: number; max: number }[];
  percent: boolean;
}

/** Returns Plot options for lines named at their ends, over the band of the neighbours' range. */
function comparatorPlot(
  { labels, lines, range, percent }: ComparatorPicture,
  Plot: PlotApi,
): PlotOptions {
  const marks: Markish[] = [
    Plot.areaY(range, { x: "label", y1: "min", y2: "max", className: "comparator-range" }),
    Plot.ruleY([0]),
  ];
  for (const { className, points } of lines) {
    marks.push(
      Plot.lineY(points, { x: "label", y: "value", className }),
      Plot.dot(points, { x: "label", y: "value", className, r: 3 }),
    );
  }
  const plotted = [
    ...range.map((band) => band.max),
    ...lines.flatMap((entry) => entry.points.map((point) => point.value)),
  ];
  for (const label of endLabels(lines, Math.max(...plotted.filter(Number.isFinite)))) {
    marks.push(
      Plot.text([label], {
        x: "label",
        y: "value",
        text: "name",
        textAnchor: "start",
        dx: 8,
        className: `${label.className} end-label`,
      }),
    );
  }
  return {
    width: 640,
    height: CHART_HEIGHT,
    marginRight: 150,
    x: { type: "point", domain: labels, label: null, padding: 0.2 },
    y: { label: percent ? "%" : null, grid: true, nice: true, zero: true },
    marks,
  };
}

function summarise(comparators: Comparators, measure: ComparatorMeasure): string {
  const latest = measure.years[measure.years.length - 1];
  if (!latest) return "No published figures are available.";
  const format = (observation: Observation) =>
    formatObservation(observation, measure.unit, measure.decimals);
  const when = formatMonthShort(latest.date.slice(0, 7));
  const council =
    latest.council.kind === "value"
      ? format(latest.council)
      : `not available (${format(latest.council).toLowerCase()})`;
  return `In ${when} ${comparators.council.name}'s figure was ${council}, against ${format(latest.england)} for England and ${format(latest.region)} for ${comparators.council.region}.`;
}

/**
 * Places each line's name beside its last point, nudged up so that no two names overlap.
 * Positions are in data units; `maximum` is the top of the data before Plot rounds the scale.
 */
function endLabels(
  lines: readonly Line[],
  maximum: number,
): { name: string; className: string; label: string; value: number }[] {
  const labels = lines.flatMap(({ name, className, points }) => {
    const last = [...points].reverse().find((point) => !Number.isNaN(point.value));
    return last ? [{ name, className, label: last.label, value: last.value }] : [];
  });
  const gap = (maximum * LABEL_GAP_PIXELS) / PLOT_AREA_HEIGHT;
  labels.sort((a, b) => a.value - b.value);
  for (let index = 1; index < labels.length; index++) {
    const below = labels[index - 1]!;
    const label = labels[index]!;
    if (label.label === below.label && label.value - below.value < gap) {
      label.value = below.value + gap;
    }
  }
  return labels;
}
