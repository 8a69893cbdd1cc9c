// The build script and Astro's bundle each load their own copy of this module, so the state they
// share is kept on the process.
export const PRERENDER_STATE_KEY = Symbol.for("corporate-parenting-scorecard.chart-prerender");

export interface PrerenderState {
  /** Element 0 becomes 1 when the worker has stopped, whether it finished or failed. */
  stopped: Int32Array;
}

/** How long a page waits for one chart from the worker before drawing it itself. */
const MAX_WAIT_MS = 5 * 60 * 1000;
const POLL_INTERVAL_MS = 10;

/**
 * Waits until `read` finds a chart or the prerender worker, if one was started, has stopped,
 * and returns what `read` found. A page calls this for a chart the cache does not have yet,
 * which the worker may be drawing at that moment.
 */
export function waitForPrerenderedChart(read: () => string | undefined): string | undefined {
  const state = (globalThis as { [PRERENDER_STATE_KEY]?: PrerenderState })[PRERENDER_STATE_KEY];
  if (!state) return undefined;
  const deadline = performance.now() + MAX_WAIT_MS;
  while (performance.now() < deadline) {
    const stopped = Atomics.wait(state.stopped, 0, 0, POLL_INTERVAL_MS) !== "timed-out";
    const svg = read();
    if (svg !== undefined || stopped) return svg;
  }
  return undefined;
}

/** Marks the prerender as stopped and wakes a page waiting for it. Called by the worker. */
export function markPrerenderStopped(stopped: Int32Array): void {
  Atomics.store(stopped, 0, 1);
  Atomics.notify(stopped, 0);
}
