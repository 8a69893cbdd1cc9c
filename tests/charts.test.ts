import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { breakdownChart } from "../src/charts/breakdown-chart.ts";
import { seriesChart } from "../src/charts/series-chart.ts";
import type { Indicator, Observation } from "../src/model/types.ts";

const percentIndicator: Indicator = {
  id: "example-percent",
  title: "Example percentage",
  section: "health",
  unit: "percent",
  polarity: "higher-is-better",
  cadence: "snapshot",
  definition: "An example.",
  decimals: 1,
  tolerance: 5,
  targets: [{ from: "2020-04", value: 90 }],
};

const value = (figure: number): Observation => ({ kind: "value", value: figure });

/** Renders the charts in a separate process under a time zone, without blocking the test worker. */
async function renderInZone(zone: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    "npx",
    ["tsx", "tests/support/render-chart-in-zone.ts"],
    {
      env: { ...process.env, TZ: zone },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

describe("charts", () => {
  it("draw the same SVG whatever the machine's time zone", async () => {
    const utc = await renderInZone("UTC");
    expect(utc).toContain("<svg");
    expect(await renderInZone("Pacific/Kiritimati")).toBe(utc);
    expect(await renderInZone("America/St_Johns")).toBe(utc);
  });

  it("leave a gap for a missing month, never a zero", () => {
    const chart = seriesChart(percentIndicator, [
      { period: "2020-10", observation: value(80) },
      { period: "2020-11", observation: { kind: "missing", reason: "not collected" } },
      { period: "2020-12", observation: value(85) },
    ]);
    const line = /<g[^>]*class="series-line"[^>]*><path d="([^"]*)"/.exec(chart.svg)?.[1];
    // Two separate sub-paths, each a single point: the line is broken at November.
    expect(line?.match(/M/g)).toHaveLength(2);
    expect(chart.table.rows.map((row) => row.cells[0])).toEqual(["80.0%", "Missing", "85.0%"]);
    expect(chart.summary).toBe(
      "From Oct 2020 to Dec 2020 the figure ranged from 80.0% (Oct 2020) to 85.0% (Dec 2020); the latest, Dec 2020, was 85.0%. 1 of 3 figures are missing and shown as gaps.",
    );
  });

  it("carry an accessible name and no labelled groups inside the image", () => {
    const chart = seriesChart(percentIndicator, [{ period: "2020/21 Q1", observation: value(80) }]);
    const svg = parseHTML(`<html><body>${chart.svg}</body></html>`).document.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Example percentage by quarter");
    expect(svg.querySelectorAll("[aria-label]")).toHaveLength(0);
    expect(chart.svg).not.toContain("<style");
  });

  it("escape the accessible name", () => {
    const indicator = { ...percentIndicator, title: 'Care &amp; "support" <18 &copy' };
    const chart = seriesChart(indicator, [{ period: "2020/21 Q1", observation: value(80) }]);
    const svg = parseHTML(`<html><body>${chart.svg}</body></html>`).document.querySelector("svg")!;
    expect(chart.svg).toContain(
      'aria-label="Care &amp;amp; &quot;support&quot; &lt;18 &amp;copy by quarter"',
    );
    expect(svg.getAttribute("aria-label")).toBe('Care &amp; "support" <18 &copy by quarter');
  });

  it("escape text from the data", () => {
    const indicator: Indicator = {
      ...percentIndicator,
      unit: "count",
      polarity: "none",
      breakdown: { label: "kind", categories: [{ id: "a", label: "<script>alert(1)</script>" }] },
    };
    const chart = breakdownChart(
      indicator,
      new Map([["a", value(3)]]),
      "at the end of December 2020",
      undefined,
    );
    expect(chart.svg).not.toContain("<script>");
    expect(chart.svg).toContain("&lt;script&gt;");
  });

  it("summarise a breakdown with one figure missing", () => {
    const indicator: Indicator = {
      ...percentIndicator,
      unit: "count",
      decimals: 0,
      polarity: "none",
      breakdown: {
        label: "kind",
        categories: [
          { id: "a", label: "First" },
          { id: "b", label: "Second" },
          { id: "c", label: "Third" },
        ],
      },
    };
    const chart = breakdownChart(
      indicator,
      new Map([
        ["a", value(3)],
        ["b", value(4)],
      ]),
      "at the end of December 2020",
      undefined,
    );
    expect(chart.summary).toBe(
      "2 of 3 figures by kind are available (First 3; Second 4); the other one is not.",
    );
  });
});
