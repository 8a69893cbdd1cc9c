/**
 * Lets the pages leave charts to the build script. The build's worker thread draws every chart
 * of the site that the chart cache lacks, page by page, and sends them as it goes. A page that
 * needs a chart neither sent nor cached gets a placeholder in its place. The main thread thus
 * spends its time rendering pages, and never loads Plot while it does. Once Astro is done, the
 * build script draws the charts the worker has not reached yet, from the other end, so only the
 * charts of the page where they meet may be drawn twice. It then puts each chart where its
 * placeholder was.
 *
 * The build script and the pages load this module in two module graphs (its own bundle and
 * Astro's), so the shared state lives on the process, as the checked data set does.
 */
import { randomBytes } from "node:crypto";

/** The drawing code of draw-plot.ts, which loads Plot and linkedom. */
export type ChartDrawing = typeof import("./draw-plot.ts");

const HAND_OVER_KEY = Symbol.for("corporate-parenting-scorecard.chart-hand-over");

export interface ChartHandOver {
  /**
   * A random value of this build in every placeholder. Text from the data files can reach an
   * attribute unescaped ("<" is legal there), so a placeholder without it is left as it is.
   */
  readonly nonce: string;
  /** Charts the worker has sent, by key. */
  readonly drawn: Map<string, string>;
  /**
   * Charts a page left a placeholder for, by key, each with a way to draw it on this thread with
   * the drawing code it is given. The drawing code comes from the build script, since Astro
   * deletes its own copy of the site's modules when it has written the pages.
   */
  readonly deferred: Map<string, (drawing: ChartDrawing) => string>;
}

type HandOverHolder = { [HAND_OVER_KEY]?: ChartHandOver };

/**
 * Starts a hand-over for the pages to find with currentChartHandOver. `drawn` is the map the
 * worker's charts are put into as they arrive.
 */
export function openChartHandOver(drawn: Map<string, string>): ChartHandOver {
  const nonce = randomBytes(16).toString("hex");
  const handOver: ChartHandOver = { nonce, drawn, deferred: new Map() };
  (globalThis as HandOverHolder)[HAND_OVER_KEY] = handOver;
  return handOver;
}

/** Ends the hand-over: charts requested from now on are drawn at once. */
export function closeChartHandOver(): void {
  delete (globalThis as HandOverHolder)[HAND_OVER_KEY];
}

/** Returns the hand-over the build script opened, or undefined outside a build. */
export function currentChartHandOver(): ChartHandOver | undefined {
  return (globalThis as HandOverHolder)[HAND_OVER_KEY];
}

/**
 * Draws on this thread each chart that a page left a placeholder for and the worker has not sent,
 * from the last page back, while the worker goes on from the first. Yields after each chart, so
 * that the worker's batches arrive meanwhile, and resolves once every such chart is drawn or sent.
 * Calls `loadDrawing` only if there is a chart to draw.
 */
export async function drawUnsentCharts(
  handOver: ChartHandOver,
  loadDrawing: () => Promise<ChartDrawing>,
): Promise<void> {
  const keys = [...handOver.deferred.keys()];
  let drawing: ChartDrawing | undefined;
  for (let index = keys.length - 1; index >= 0; index--) {
    const key = keys[index]!;
    if (handOver.drawn.has(key)) continue;
    drawing ??= await loadDrawing();
    // The worker may have sent the chart while the drawing code loaded.
    if (handOver.drawn.has(key)) continue;
    handOver.drawn.set(key, handOver.deferred.get(key)!(drawing));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Returns the placeholder a page contains in place of a chart during a hand-over. */
export function chartPlaceholder(handOver: ChartHandOver, key: string): string {
  return `${chartPlaceholderPrefix(handOver)}${key}-->`;
}

/** Returns the text every placeholder of a hand-over starts with. */
export function chartPlaceholderPrefix(handOver: ChartHandOver): string {
  return `<!--scorecard-chart:${handOver.nonce}:`;
}

/**
 * Replaces every chart placeholder of the hand-over in a page with its chart, once
 * drawUnsentCharts has made sure every chart is drawn. Returns undefined when the page has no
 * placeholder.
 */
export function fillChartPlaceholders(html: string, handOver: ChartHandOver): string | undefined {
  const prefix = chartPlaceholderPrefix(handOver);
  if (!html.includes(prefix)) return undefined;
  const placeholder = new RegExp(`${prefix}([0-9a-f]{64})-->`, "g");
  return html.replace(placeholder, (_, key: string) => {
    const svg = handOver.drawn.get(key);
    if (svg !== undefined) return svg;
    throw new Error(
      handOver.deferred.has(key)
        ? `a page contains a placeholder for chart ${key}, which was never drawn: the build has a bug`
        : `a page contains a placeholder for an unknown chart ${key}: no page asked for it, so the build has a bug`,
    );
  });
}
