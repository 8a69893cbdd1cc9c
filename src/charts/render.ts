import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import {
  chartCacheDirectory,
  chartCodeVersion,
  chartKey,
  openChartCache,
  type ChartCache,
} from "./chart-cache.ts";
import { chartPlaceholder, currentChartHandOver } from "./chart-hand-over.ts";

/** One document for every chart of a build: Plot only needs it to create elements. */
let sharedDocument: Document | undefined;

function chartDocument(): Document {
  sharedDocument ??= parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as Document;
  return sharedDocument;
}

export type PlotOptions = Plot.PlotOptions;

/** Charts drawn by this process, by key, so a chart shown on several pages is drawn once. */
const drawnCharts = new Map<string, string>();
let diskCache: { version: string; cache: ChartCache | undefined } | undefined;

function openDiskCache(): { version: string; cache: ChartCache | undefined } {
  if (!diskCache) {
    const version = chartCodeVersion();
    const directory = chartCacheDirectory();
    const cache = version !== undefined && directory ? openOrWarn(directory) : undefined;
    // Saved once, when this process or worker thread exits, rather than after every chart.
    if (cache) process.once("exit", () => saveOrWarn(cache));
    diskCache = { version: version ?? "", cache };
  }
  return diskCache;
}

// A cache that fails costs only time, so its errors are warnings and never stop a build.
const CACHE_HINT = "  hint: set SCORECARD_CHART_CACHE to a folder this build can write, or to off";

function openOrWarn(directory: string): ChartCache | undefined {
  try {
    return openChartCache(directory, Date.now(), (path, reason) =>
      console.error(
        `warning: the chart cache file ${path} ${reason}, so its charts are drawn again ` +
          "and the file is replaced",
      ),
    );
  } catch (error) {
    console.error(
      `warning: the chart cache ${directory} could not be opened (${messageOf(error)}), ` +
        `so every chart is drawn and none is kept\n${CACHE_HINT}`,
    );
    return undefined;
  }
}

function saveOrWarn(cache: ChartCache): void {
  try {
    cache.save();
  } catch (error) {
    console.error(
      `warning: the chart cache ${cache.directory} could not be saved (${messageOf(error)}), ` +
        `so the next build draws these charts again\n${CACHE_HINT}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Returns a chart's SVG markup for inlining in a page: `toPlot(spec)` drawn by drawPlot. Each
 * chart is drawn once per process and kept in the chart cache on disk, which is saved when the
 * process or worker thread exits. Its key is made from its
 * spec, its accessible name and the chart code's version, so an unchanged rebuild reads it back
 * without building Plot's options or drawing them.
 *
 * During a build whose worker draws the charts (see chart-hand-over.ts), a chart that is neither
 * drawn nor cached yet is left to the worker: the page gets a placeholder in its place.
 *
 * `spec` must hold everything the chart depends on, as plain data that JSON can carry (NaN and
 * null count as the same), and `toPlot` must read nothing else: a value it took from elsewhere
 * would not be in the key, and two different charts could then share one.
 */
export function renderChart<Spec>(
  accessibleName: string,
  spec: Spec,
  toPlot: (spec: Spec) => PlotOptions,
): string {
  const { version, cache } = openDiskCache();
  const key = chartKey(accessibleName, spec, version);
  const known = drawnCharts.get(key);
  if (known !== undefined) return known;

  const handOver = currentChartHandOver();
  const draw = () => {
    const svg = drawPlot(toPlot(spec), accessibleName);
    cache?.write(key, svg);
    return svg;
  };
  const found = handOver?.drawn.get(key) ?? cache?.read(key);
  if (found === undefined && handOver) {
    handOver.deferred.set(key, draw);
    return chartPlaceholder(handOver, key);
  }
  const svg = found ?? draw();
  drawnCharts.set(key, svg);
  newChartListener?.(key, svg);
  return svg;
}

let newChartListener: ((key: string, svg: string) => void) | undefined;

/**
 * Calls `listener` with each chart renderChart draws or reads from the disk cache from now on,
 * once per chart.
 */
export function onNewChart(listener: (key: string, svg: string) => void): void {
  newChartListener = listener;
}

/**
 * Draws Plot options as SVG markup:
 * - the SVG is one image with an accessible name, so screen readers announce the name and move
 *   on to the data table beside it rather than reading out every tick;
 * - Plot's per-chart style block is dropped, because the site stylesheet styles every chart;
 * - Plot's aria-label on groups inside the image is dropped, since a generic group may not carry one;
 * - coordinates are rounded to a tenth of a pixel, which no screen shows, to keep pages light.
 */
export function drawPlot(options: PlotOptions, accessibleName: string): string {
  const svg = Plot.plot({
    ...options,
    document: chartDocument(),
    className: "chart",
  }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new Error(
      "chart has a legend or caption outside its SVG; render those as page text instead",
    );
  }
  for (const element of [...svg.querySelectorAll("*")]) {
    if (element.localName === "style") {
      element.remove();
    } else {
      element.removeAttribute("aria-label");
      element.removeAttribute("aria-hidden");
    }
  }
  svg.removeAttribute("aria-hidden");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", accessibleName);
  svg.removeAttribute("font-family");
  return roundCoordinates(svg.outerHTML);
}

/** Attributes whose numbers are user-space coordinates or lengths. */
const GEOMETRY_ATTRIBUTE =
  / (x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|points|viewBox)="([^"]*)"/g;

// A number with more than one decimal and no unit after it: "0.32em" is kept as it is, while the
// letters of path commands ("M1.25,3.75Z") may follow.
const LONG_DECIMAL = /-?\d*\.\d{2,}(?:e[-+]?\d+)?(?![\d.%]|em|ex|px|pt|pc|cm|mm|in|rem|ch|vw|vh)/g;

// Text inside an element cannot contain "<", which the serializer escapes, so each match is a tag.
// Attribute values cannot contain '"', so GEOMETRY_ATTRIBUTE never matches inside another value.
const TAG = /<[^>]*>/g;

/** Rounds the coordinates in the attributes of every tag in SVG markup to a tenth. */
function roundCoordinates(markup: string): string {
  return markup.replace(TAG, (tag) =>
    tag.includes(".")
      ? tag.replace(
          GEOMETRY_ATTRIBUTE,
          (_, name: string, value: string) =>
            ` ${name}="${value.replace(LONG_DECIMAL, roundToTenth)}"`,
        )
      : tag,
  );
}

function roundToTenth(text: string): string {
  // String(-0) is "0", so a tiny negative number prints as 0.
  return String(Math.round(Number(text) * 10) / 10);
}
