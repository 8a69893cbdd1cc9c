import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  chartPlaceholder,
  closeChartHandOver,
  drawUnsentCharts,
  fillChartPlaceholders,
  openChartHandOver,
  type ChartDrawing,
  type ChartHandOver,
} from "../src/charts/chart-hand-over.ts";
import { renderChart, type PlotApi, type PlotOptions } from "../src/charts/render.ts";
import { fillChartPlaceholdersInFolder } from "../scripts/build/fill-chart-placeholders.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const KEY_A = "a".repeat(64);
const KEY_B = "b".repeat(64);
const KEY_C = "c".repeat(64);

const NONCE = "0123456789abcdef";

const loadDrawing = () => import("../src/charts/draw-plot.ts");

function handOverWith(
  drawn: [string, string][],
  deferred: [string, (drawing: ChartDrawing) => string][] = [],
) {
  const handOver: ChartHandOver = {
    nonce: NONCE,
    drawn: new Map(drawn),
    deferred: new Map(deferred),
  };
  return handOver;
}

function page(...keys: string[]): string {
  const handOver = handOverWith([]);
  return `<main>${keys.map((key) => `<div>${chartPlaceholder(handOver, key)}</div>`).join("")}</main>`;
}

describe("filling chart placeholders", () => {
  it("leaves a page without placeholders alone", () => {
    expect(fillChartPlaceholders("<main>No charts</main>", handOverWith([]))).toBeUndefined();
  });

  it("puts the worker's chart where its placeholder was", () => {
    const handOver = handOverWith([
      [KEY_A, "<svg>A</svg>"],
      [KEY_B, "<svg>B</svg>"],
    ]);
    expect(fillChartPlaceholders(page(KEY_A, KEY_B, KEY_A), handOver)).toBe(
      "<main><div><svg>A</svg></div><div><svg>B</svg></div><div><svg>A</svg></div></main>",
    );
  });

  it("rejects a placeholder whose chart was never drawn", () => {
    const handOver = handOverWith([], [[KEY_A, () => "<svg>A</svg>"]]);
    expect(() => fillChartPlaceholders(page(KEY_A), handOver)).toThrow(
      `a page contains a placeholder for chart ${KEY_A}, which was never drawn`,
    );
  });

  it("leaves a placeholder of another build alone", () => {
    const forged = `<meta content="<!--scorecard-chart:${"f".repeat(16)}:${KEY_A}-->">`;
    expect(fillChartPlaceholders(forged, handOverWith([[KEY_A, "<svg>A</svg>"]]))).toBeUndefined();
  });

  it("rejects a placeholder of an unknown chart", () => {
    expect(() => fillChartPlaceholders(page(KEY_A), handOverWith([]))).toThrow(
      `a page contains a placeholder for an unknown chart ${KEY_A}`,
    );
  });

  it("fills only the HTML pages of a folder", () => {
    const folder = makeTemporaryFolder("scorecard-hand-over-");
    mkdirSync(join(folder, "2020-12"));
    writeFileSync(join(folder, "2020-12", "index.html"), page(KEY_A));
    writeFileSync(join(folder, "notes.txt"), page(KEY_A));
    const handOver = handOverWith([[KEY_A, "<svg>A</svg>"]], [[KEY_A, () => "<svg>again</svg>"]]);

    fillChartPlaceholdersInFolder(folder, handOver);

    expect(readFileSync(join(folder, "2020-12", "index.html"), "utf8")).toBe(
      "<main><div><svg>A</svg></div></main>",
    );
    expect(readFileSync(join(folder, "notes.txt"), "utf8")).toBe(page(KEY_A));
  });

  it("returns the final bytes of every page it read", () => {
    const folder = makeTemporaryFolder("scorecard-hand-over-");
    writeFileSync(join(folder, "with-chart.html"), page(KEY_A));
    writeFileSync(join(folder, "without-chart.html"), "<main></main>");
    writeFileSync(join(folder, "notes.txt"), "text");
    const handOver = handOverWith([[KEY_A, "<svg>A</svg>"]], [[KEY_A, () => "<svg>again</svg>"]]);

    const pages = fillChartPlaceholdersInFolder(folder, handOver);

    expect([...pages.keys()].sort()).toEqual([
      join(folder, "with-chart.html"),
      join(folder, "without-chart.html"),
    ]);
    for (const [path, bytes] of pages) {
      expect(Buffer.from(bytes).equals(readFileSync(path)), path).toBe(true);
    }
  });
});

describe("drawing the charts the worker has not sent", () => {
  it("draws them from the last page back", async () => {
    const order: string[] = [];
    const drawer = (name: string) => () => {
      order.push(name);
      return `<svg>${name}</svg>`;
    };
    const handOver = handOverWith(
      [[KEY_A, "<svg>A from the worker</svg>"]],
      [
        [KEY_A, drawer("A")],
        [KEY_B, drawer("B")],
        [KEY_C, drawer("C")],
      ],
    );

    await drawUnsentCharts(handOver, loadDrawing);

    expect(order).toEqual(["C", "B"]);
    expect(handOver.drawn.get(KEY_A)).toBe("<svg>A from the worker</svg>");
    expect(handOver.drawn.get(KEY_B)).toBe("<svg>B</svg>");
    expect(handOver.drawn.get(KEY_C)).toBe("<svg>C</svg>");
  });

  it("skips a chart the worker sent meanwhile", async () => {
    const order: string[] = [];
    const handOver = handOverWith([]);
    handOver.deferred.set(KEY_A, () => {
      order.push("A");
      return "<svg>A</svg>";
    });
    handOver.deferred.set(KEY_B, () => {
      order.push("B");
      return "<svg>B</svg>";
    });
    // The worker's batch with chart A arrives while this thread yields after drawing B.
    setImmediate(() => handOver.drawn.set(KEY_A, "<svg>A from the worker</svg>"));

    await drawUnsentCharts(handOver, loadDrawing);

    expect(order).toEqual(["B"]);
    expect(handOver.drawn.get(KEY_A)).toBe("<svg>A from the worker</svg>");
  });

  it("hands each chart the drawing code it loaded", async () => {
    const drawing = await loadDrawing();
    const received: unknown[] = [];
    const handOver = handOverWith(
      [],
      [
        [KEY_A, (given) => (received.push(given), "<svg>A</svg>")],
        [KEY_B, (given) => (received.push(given), "<svg>B</svg>")],
      ],
    );
    let loads = 0;

    await drawUnsentCharts(handOver, async () => (loads++, drawing));

    expect(loads).toBe(1);
    expect(received).toEqual([drawing, drawing]);
  });

  it("loads no drawing code when the worker sent every chart", async () => {
    const handOver = handOverWith([[KEY_A, "<svg>A</svg>"]], [[KEY_A, () => "<svg>again</svg>"]]);
    const loadNothing = () => Promise.reject(new Error("the drawing code was loaded"));

    await drawUnsentCharts(handOver, loadNothing);

    expect(handOver.drawn.get(KEY_A)).toBe("<svg>A</svg>");
  });
});

describe("renderChart during a build", () => {
  afterEach(closeChartHandOver);

  // A spec no other test draws, so neither this process nor the disk cache has its chart yet.
  function uniqueSpec(): { values: number[] } {
    return { values: [Math.random(), Math.random()] };
  }

  function toPlot({ values }: { values: number[] }, Plot: PlotApi): PlotOptions {
    return { marks: [Plot.barY(values)] };
  }

  it("leaves unsent charts to the build script", async () => {
    const handOver = openChartHandOver(new Map());
    const placeholder = renderChart("Bars left to the build script", uniqueSpec(), toPlot);

    expect(placeholder).toBe(chartPlaceholder(handOver, placeholder.match(/[0-9a-f]{64}/)![0]));
    await drawUnsentCharts(handOver, loadDrawing);
    const filled = fillChartPlaceholders(placeholder, handOver);
    expect(filled).toMatch(/^<svg [^>]*aria-label="Bars left to the build script"/);
  });

  it("gives the worker's chart once it has arrived", () => {
    const spec = uniqueSpec();
    const drawn = new Map<string, string>();
    openChartHandOver(drawn);
    const key = renderChart("Bars from the worker", spec, toPlot).match(/[0-9a-f]{64}/)![0];

    drawn.set(key, "<svg>drawn by the worker</svg>");
    expect(renderChart("Bars from the worker", spec, toPlot)).toBe(
      "<svg>drawn by the worker</svg>",
    );
  });

  it("draws charts at once outside a build", () => {
    expect(renderChart("Bars drawn here", uniqueSpec(), toPlot)).toMatch(/^<svg /);
  });
});
