import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { rootSites } from "../support/sites.ts";
import { contrastRatio, parseCssColor } from "./support/contrast.ts";
import { pagesToCheck } from "./support/site-pages.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { showPage, startSession, type Session } from "./support/session.ts";

/** WCAG 2.2 level AA, with the success criteria of 2.0 and 2.1 that it includes. */
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const COLOR_SCHEMES = ["light", "dark"] as const;

function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
    ),
  );
}

interface ChartColor {
  kind: "text" | "mark";
  what: string;
  color: string;
  background: string;
}

describeInBrowser.each(rootSites(inject("sites")))(
  "accessibility of the $name site",
  ({ directory }) => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(directory);
    });
    afterAll(async () => {
      await session?.close();
    });

    const cases = pagesToCheck(directory).flatMap((page) =>
      COLOR_SCHEMES.map((scheme) => ({ ...page, scheme })),
    );

    it.each(cases)("meets WCAG 2.2 AA at /$address in $scheme", async (sitePage) => {
      await session.page.emulateMedia({ colorScheme: sitePage.scheme });
      const page = await showPage(session, sitePage);
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(describeViolations(results.violations)).toEqual([]);
      expect(results.passes.map((rule) => rule.id)).toContain("color-contrast");
    });

    // axe cannot see the background behind text drawn in SVG and leaves it "incomplete", so the
    // chart's own colours are checked here: 4.5:1 for text, 3:1 for bars and lines.
    it.each(cases.filter((sitePage) => sitePage.type === "month"))(
      "draws charts in colours that contrast with the page at /$address in $scheme",
      async (sitePage) => {
        await session.page.emulateMedia({ colorScheme: sitePage.scheme });
        const page = await showPage(session, sitePage);
        const colors = await page.evaluate(() => {
          const found: ChartColor[] = [];
          for (const svg of document.querySelectorAll("svg.chart")) {
            let background = "rgb(255, 255, 255)";
            for (let node = svg.parentElement; node; node = node.parentElement) {
              const color = getComputedStyle(node).backgroundColor;
              if (color !== "rgba(0, 0, 0, 0)") {
                background = color;
                break;
              }
            }
            const chart = svg.getAttribute("aria-label") ?? "chart";
            for (const text of svg.querySelectorAll("text")) {
              const color = getComputedStyle(text).fill;
              found.push({
                kind: "text",
                what: `${chart}: "${text.textContent}"`,
                color,
                background,
              });
            }
            for (const mark of svg.querySelectorAll(".bar rect")) {
              const color = getComputedStyle(mark).fill;
              found.push({ kind: "mark", what: `${chart}: bar`, color, background });
            }
            for (const mark of svg.querySelectorAll(".series-line path, .target-line > *")) {
              const color = getComputedStyle(mark).stroke;
              found.push({ kind: "mark", what: `${chart}: line`, color, background });
            }
          }
          return found;
        });
        expect(colors.filter((color) => color.kind === "text").length).toBeGreaterThan(10);
        const tooFaint = colors.flatMap((color) => {
          const ratio = contrastRatio(parseCssColor(color.color), parseCssColor(color.background));
          const minimum = color.kind === "text" ? 4.5 : 3;
          return ratio < minimum ? [`${color.what}: ${ratio.toFixed(2)}:1 < ${minimum}:1`] : [];
        });
        expect(tooFaint).toEqual([]);
      },
    );

    // Plot labels its groups of marks, which ARIA forbids on a plain <g>: the chart renderer
    // removes those labels, and this shows the check above would catch them.
    it("flags group labels like Plot's", async () => {
      const month = cases.find((sitePage) => sitePage.type === "month")!;
      const page = await showPage(session, month);
      await page.evaluate(() => {
        for (const group of document.querySelectorAll("svg.chart > g")) {
          group.setAttribute("aria-label", "bar");
        }
      });
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual(["aria-prohibited-attr"]);
    });

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
