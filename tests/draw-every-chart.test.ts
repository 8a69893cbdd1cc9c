import { describe, expect, it } from "vitest";
import { drawEveryChart } from "../scripts/build/draw-every-chart.ts";
import { loadDataset } from "../src/data/load.ts";

describe("drawEveryChart", () => {
  const dataset = loadDataset("data").dataset!;
  const pageCount = dataset.months.length + dataset.catalogue.indicators.length;

  it("visits every month and indicator page", () => {
    let pages = 0;
    drawEveryChart(dataset, () => pages++);
    expect(pages).toBe(pageCount);
  });

  it("stops before the next page once asked", () => {
    let pages = 0;
    drawEveryChart(
      dataset,
      () => pages++,
      () => pages === 2,
    );
    expect(pages).toBe(2);
  });
});
