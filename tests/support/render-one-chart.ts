/**
 * Renders one series chart with renderChart and prints its SVG, so a test can run this script
 * twice with the same SCORECARD_CHART_CACHE and see whether the second run read the cache.
 */
import { seriesChart } from "../../src/charts/series-chart.ts";
import type { Indicator } from "../../src/model/types.ts";

const indicator: Indicator = {
  id: "cached-example",
  title: "Cached example",
  section: "health",
  unit: "count",
  polarity: "higher-is-better",
  cadence: "snapshot",
  definition: "An example.",
  decimals: 0,
  targets: [],
};

const chart = seriesChart(indicator, [
  { period: "2020-11", observation: { kind: "value", value: 12 } },
  { period: "2020-12", observation: { kind: "value", value: 15 } },
]);
process.stdout.write(chart.svg);
