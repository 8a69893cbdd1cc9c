/**
 * Lets the pages leave charts to the build's worker thread. While the worker draws every chart of
 * the site, a page that needs a chart the worker has not sent yet gets a placeholder in its place,
 * and the build script puts the chart into the written page after Astro has rendered them all. The
 * main thread thus spends its time rendering pages, and the two threads never draw the same chart.
 *
 * The build script and the pages load this module in two module graphs (its own bundle and
 * Astro's), so the shared state lives on the process, as the checked data set does.
 */
const HAND_OVER_KEY = Symbol.for("corporate-parenting-scorecard.chart-hand-over");

export interface ChartHandOver {
  /** Charts the worker has sent, by key. */
  readonly drawn: Map<string, string>;
  /** Charts a page left a placeholder for, by key, each with a way to draw it on this thread. */
  readonly deferred: Map<string, () => string>;
}

type HandOverHolder = { [HAND_OVER_KEY]?: ChartHandOver };

/**
 * Starts a hand-over for the pages to find with currentChartHandOver. `drawn` is the map the
 * worker's charts are put into as they arrive.
 */
export function openChartHandOver(drawn: Map<string, string>): ChartHandOver {
  const handOver: ChartHandOver = { drawn, deferred: new Map() };
  (globalThis as HandOverHolder)[HAND_OVER_KEY] = handOver;
  return handOver;
}

/** Ends the hand-over: pages rendered from now on draw their own charts. */
export function closeChartHandOver(): void {
  delete (globalThis as HandOverHolder)[HAND_OVER_KEY];
}

/** Returns the hand-over the build script opened, or undefined when no worker draws charts. */
export function currentChartHandOver(): ChartHandOver | undefined {
  return (globalThis as HandOverHolder)[HAND_OVER_KEY];
}

const PLACEHOLDER_PREFIX = "<!--scorecard-chart:";
const PLACEHOLDER = /<!--scorecard-chart:([0-9a-f]{64})-->/g;

/**
 * Returns the placeholder a page contains in place of a chart. Page text cannot produce it,
 * because every "<" in text from the data files is escaped.
 */
export function chartPlaceholder(key: string): string {
  return `${PLACEHOLDER_PREFIX}${key}-->`;
}

/**
 * Replaces every chart placeholder in a page with its chart: the worker's drawing, or, for a chart
 * the worker never sent, one drawn now. Returns undefined when the page has no placeholder.
 */
export function fillChartPlaceholders(html: string, handOver: ChartHandOver): string | undefined {
  if (!html.includes(PLACEHOLDER_PREFIX)) return undefined;
  return html.replace(PLACEHOLDER, (_, key: string) => {
    let svg = handOver.drawn.get(key);
    if (svg === undefined) {
      const draw = handOver.deferred.get(key);
      if (draw === undefined)
        throw new Error(
          `a page contains a placeholder for an unknown chart ${key}: no page asked for it, so the build has a bug`,
        );
      svg = draw();
      handOver.drawn.set(key, svg);
    }
    return svg;
  });
}
