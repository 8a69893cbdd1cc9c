import type * as PlotModule from "@observablehq/plot";
import {
  chartCacheDirectory,
  chartCodeVersion,
  chartKey,
  openChartCache,
  type ChartCache,
} from "./chart-cache.ts";
import { chartPlaceholder, currentChartHandOver, type ChartDrawing } from "./chart-hand-over.ts";

export type PlotOptions = PlotModule.PlotOptions;
export type Markish = PlotModule.Markish;

/** Plot's module, as a chart's picture function receives it. */
export type PlotApi = typeof PlotModule;

/**
 * Turns a chart's spec into Plot options, using the Plot it is given. `spec` must hold everything
 * the picture depends on (see renderChart).
 */
export type ChartPicture<Spec> = (spec: Spec, plot: PlotApi) => PlotOptions;

/**
 * Plot and linkedom took about 0.25 s to load on a two-core machine. In a build, the pages leave every
 * chart they do not have yet to the build script (see chart-hand-over.ts), which loads them only
 * if a chart is missing. Anywhere else, as in the build's worker and in tests, charts are drawn
 * as they are asked for, so the drawing code is loaded with this module.
 */
const drawing: ChartDrawing | undefined = currentChartHandOver()
  ? undefined
  : await import("./draw-plot.ts");

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
        `warning: the chart cache file ${path} ${reason}, and its charts are drawn again`,
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
 * Returns a chart's SVG markup for inlining in a page: the Plot options `picture` makes of `spec`,
 * drawn by drawPlot (see draw-plot.ts). Each chart is drawn once per process and kept in the
 * chart cache on disk, which is saved when the process or worker thread exits. Its key is made
 * from its spec, its accessible name and the chart code's version, so an unchanged rebuild reads
 * it back without building Plot's options or drawing them.
 *
 * During a build (see chart-hand-over.ts), a chart that is neither sent by the worker nor cached
 * yet is drawn after Astro is done: the page gets a placeholder in its place.
 *
 * `spec` must hold everything the chart depends on, as plain data that JSON can carry (NaN and
 * null count as the same), and `picture` must read nothing else: a value it took from elsewhere
 * would not be in the key, and two different charts could then share one.
 */
export function renderChart<Spec>(
  accessibleName: string,
  spec: Spec,
  picture: ChartPicture<Spec>,
): string {
  const { version, cache } = openDiskCache();
  const key = chartKey(accessibleName, spec, version);
  const known = drawnCharts.get(key);
  if (known !== undefined) return known;

  const handOver = currentChartHandOver();
  const drawWith = ({ drawPlot, Plot }: ChartDrawing) => {
    const svg = drawPlot(picture(spec, Plot), accessibleName);
    cache?.write(key, svg);
    return svg;
  };
  const found = handOver?.drawn.get(key) ?? cache?.read(key);
  if (found === undefined && handOver) {
    handOver.deferred.set(key, drawWith);
    return chartPlaceholder(handOver, key);
  }
  const svg = found ?? drawWith(loadedDrawing());
  drawnCharts.set(key, svg);
  newChartListener?.(key, svg);
  return svg;
}

function loadedDrawing(): ChartDrawing {
  if (drawing) return drawing;
  throw new Error(
    "chart drawing is not loaded: this module was loaded during a build's chart hand-over, and " +
      "a chart was requested after the hand-over closed. Render the pages while it is open",
  );
}

let newChartListener: ((key: string, svg: string) => void) | undefined;

/**
 * Calls `listener` with each chart renderChart draws or reads from the disk cache from now on,
 * once per chart.
 */
export function onNewChart(listener: (key: string, svg: string) => void): void {
  newChartListener = listener;
}
