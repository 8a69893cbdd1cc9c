import type { Indicator, Observation } from "../model/types.ts";
import { formatNumber, formatObservation, formatValue } from "../rules/format.ts";
import type { Chart } from "./chart.ts";
import { estimateTextWidth } from "./labels.ts";
import { explainObservations, markReading } from "./notes.ts";
import { renderChart, type PlotApi, type PlotOptions } from "./render.ts";

interface Bar {
  id: string;
  label: string;
  value: number | undefined;
  text: string;
}

const ROW_HEIGHT = 30;

/**
 * Charts an indicator's breakdown by category (see breakdownPlot for the picture), with a summary
 * and a table that gives each category's share of the total.
 */
export function breakdownChart(
  indicator: Indicator,
  breakdown: ReadonlyMap<string, Observation>,
  periodText: string,
  total: Observation | undefined,
): Chart {
  const categories = indicator.breakdown!.categories;
  const bars: Bar[] = categories.map((category) => {
    const observation = breakdown.get(category.id);
    const value = observation?.kind === "value" ? observation.value : undefined;
    const text = formatObservation(observation, indicator.unit, indicator.decimals);
    return {
      id: category.id,
      label: category.label,
      value,
      text: value === undefined ? text.toLowerCase() : text,
    };
  });
  const known = bars.filter((bar) => bar.value !== undefined);
  const title = `${indicator.title}, ${periodText}`;
  // With no figure at all there is nothing to draw, so the summary, table and notes give the reason.
  const svg = known.length === 0 ? "" : renderChart(title, bars, breakdownPlot);

  return {
    id: `${indicator.id}-breakdown`,
    title,
    summary: summarise(indicator, bars, total),
    svg,
    table: {
      caption: title,
      columns: [
        capitalise(indicator.breakdown!.label),
        "Figure",
        ...(total?.kind === "value" ? ["Share of total"] : []),
      ],
      rows: bars.map((bar) => ({
        label: bar.label,
        cells: [
          bar.value === undefined
            ? capitalise(bar.text)
            : markReading(bar.text, breakdown.get(bar.id)),
          ...(total?.kind === "value"
            ? [
                bar.value === undefined
                  ? ""
                  : `${formatNumber((100 * bar.value) / total.value, 1)}%`,
              ]
            : []),
        ],
      })),
    },
    notes: explainObservations(
      categories.map((category) => ({
        label: category.label,
        observation: breakdown.get(category.id),
      })),
    ),
  };
}

/**
 * Returns Plot options for one horizontal bar per category, labelled with its figure. A category without a
 * figure gets no bar, never a zero bar, and its label gives the reason.
 */
function breakdownPlot(bars: Bar[], Plot: PlotApi): PlotOptions {
  const known = bars.filter((bar) => bar.value !== undefined);
  const maximum = Math.max(1, ...known.map((bar) => bar.value!));
  return {
    width: 640,
    height: bars.length * ROW_HEIGHT + 40,
    marginLeft: Math.max(...bars.map((bar) => estimateTextWidth(bar.label))) + 12,
    marginRight: 60,
    x: { domain: [0, maximum], label: null, grid: true, nice: true },
    y: { domain: bars.map((bar) => bar.label), label: null, padding: 0.25 },
    marks: [
      Plot.barX(known, { x: "value", y: "label", className: "bar" }),
      Plot.text(known, {
        x: "value",
        y: "label",
        text: "text",
        textAnchor: "start",
        dx: 4,
        className: "bar-label",
      }),
      Plot.text(
        bars.filter((bar) => bar.value === undefined),
        { x: 0, y: "label", text: "text", textAnchor: "start", dx: 4, className: "missing-label" },
      ),
      Plot.ruleX([0]),
    ],
  };
}

function summarise(indicator: Indicator, bars: Bar[], total: Observation | undefined): string {
  const known = bars.filter((bar) => bar.value !== undefined);
  const label = indicator.breakdown!.label;
  if (known.length === 0) return `None of the ${bars.length} figures by ${label} is available.`;
  const largest = known.reduce((best, bar) => (bar.value! > best.value! ? bar : best));
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimals);
  const unknown = bars.length - known.length;
  if (unknown > 0) {
    const list = known.map((bar) => `${bar.label} ${bar.text}`).join("; ");
    const verb = known.length === 1 ? "is" : "are";
    const others = unknown === 1 ? "the other one is not" : `the other ${unknown} are not`;
    return `${known.length} of ${bars.length} figures by ${label} ${verb} available (${list}); ${others}.`;
  }
  const share =
    total?.kind === "value"
      ? ` of ${format(total.value)} (${formatNumber((100 * largest.value!) / total.value, 1)}%)`
      : "";
  return `The highest figure is for ${largest.label}: ${format(largest.value!)}${share}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
