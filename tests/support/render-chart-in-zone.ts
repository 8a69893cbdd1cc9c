/**
 * Renders the December 2020 charts and prints their SVG, so a test can run this script under
 * different TZ settings and compare the output.
 */
import { loadDataset } from "../../src/data/load.ts";
import { viewMonth } from "../../src/site/month-view.ts";
import { viewIndicatorPage } from "../../src/site/indicator-page.ts";

// Each run must draw every chart itself: a chart read from the cache would hide a difference.
process.env.SCORECARD_CHART_CACHE = "off";

const dataset = loadDataset("data").dataset!;
const month = dataset.months[dataset.months.length - 1]!;
const charts = viewMonth(dataset, month).sections.flatMap((section) => section.charts);
const history = dataset.catalogue.indicators.flatMap(
  (indicator) => viewIndicatorPage(dataset, indicator).charts,
);
process.stdout.write([...charts, ...history].map((chart) => chart.svg).join("\n"));
