import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { rootSites } from "../support/sites.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { pagesToCheck } from "./support/site-pages.ts";
import { startSession, type Session } from "./support/session.ts";

const SCREENSHOTS = new URL("../../screenshots/", import.meta.url).pathname;

/** A4 less the 12 mm margins that the site's @page rule sets, in millimetres. */
const PRINTED_AREA = { width: 210 - 2 * 12, height: 297 - 2 * 12 };

/** Blocks that the print styles keep whole with break-inside: avoid. */
const UNBROKEN_BLOCKS =
  ".indicator, .indicator-facts, .comparators, .chart-figure, .commentary, table";

/**
 * Blocks that must not be split across two printed pages: the above, and each chart. A block
 * taller than a page has to break, so for it only the blocks inside it are checked.
 */
const WHOLE_BLOCKS = `${UNBROKEN_BLOCKS}, svg.chart`;

/**
 * The most pages a month may print on: a budget, not a measurement. It is about one sheet for
 * each of the real data's 23 indicators, and more would mean the print styles have stopped working.
 */
const MAX_PRINTED_PAGES = 24;

/** Counts the pages of a PDF as Chromium writes it: one "/Type /Page" object each. */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describeInBrowser.each(rootSites(inject("sites")))(
  "the $name site in print",
  ({ name, directory }) => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(directory);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await session?.close();
    });

    const months = pagesToCheck(directory).filter((sitePage) => sitePage.type === "month");

    it.each(months)(
      "keeps blocks whole and headings with their content at /$address",
      async (month) => {
        const page = await session.open(month.address);
        await page.emulateMedia({ media: "print", colorScheme: "light" });
        const rules = await page.evaluate((selector) => {
          const found: string[] = [];
          for (const element of document.querySelectorAll(selector)) {
            const style = getComputedStyle(element);
            if (style.breakInside !== "avoid")
              found.push(`${element.tagName} break-inside: ${style.breakInside}`);
          }
          for (const heading of document.querySelectorAll("main h2, main h3")) {
            const style = getComputedStyle(heading);
            if (style.breakAfter !== "avoid")
              found.push(`${heading.textContent} break-after: ${style.breakAfter}`);
          }
          for (const hidden of document.querySelectorAll(
            ".site-header nav, .month-nav, .section-nav, .downloads",
          )) {
            if (getComputedStyle(hidden).display !== "none")
              found.push(`${hidden.className} is printed`);
          }
          return found;
        }, UNBROKEN_BLOCKS);
        expect(rules).toEqual([]);
      },
    );

    // Chromium lays out columns with the same fragmentation rules as printed pages, so a body of
    // fixed page-sized columns shows where each page would break without reading the PDF.
    it.each(months)("splits no block across pages and fits A4 at /$address", async (month) => {
      const page = await session.open(month.address);
      await page.emulateMedia({ media: "print", colorScheme: "light" });
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
      const printedPages = countPdfPages(pdf);
      writeFileSync(
        join(SCREENSHOTS, `${name}-${month.address.replace(/\/$/, "")}-print.pdf`),
        pdf,
      );
      console.log(`${name} /${month.address} prints on ${printedPages} A4 pages`);

      const layout = await page.evaluate(
        ({ area, selector }) => {
          const body = document.body;
          body.style.margin = "0";
          body.style.width = `${area.width}mm`;
          // Heights at the page's width on one long page, before the columns cut anything.
          const blocks = [...document.querySelectorAll(selector)];
          const heights = blocks.map((element) => element.getBoundingClientRect().height);
          const pageHeight = (area.height / 25.4) * 96;
          body.style.height = `${area.height}mm`;
          body.style.columnWidth = `${area.width}mm`;
          body.style.columnGap = "0";
          body.style.columnFill = "auto";
          const columnWidth = body.getBoundingClientRect().width;
          const left = body.getBoundingClientRect().left;
          const split: string[] = [];
          for (const [index, element] of blocks.entries()) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || heights[index]! > pageHeight) continue;
            const first = Math.floor((box.left - left + 1) / columnWidth);
            const last = Math.floor((box.right - left - 1) / columnWidth);
            const name = element.id || element.getAttribute("aria-label") || element.className;
            if (first !== last)
              split.push(
                `${element.tagName.toLowerCase()} ${name}: pages ${first + 1} to ${last + 1}`,
              );
          }
          const stranded: string[] = [];
          for (const heading of document.querySelectorAll("main h2, main h3")) {
            // A section's one-line summary introduces its content, so it must not stand alone either.
            let next = heading.nextElementSibling;
            while (next?.matches(".section-summary")) next = next.nextElementSibling;
            if (!next) continue;
            const headingColumn = Math.floor(
              (heading.getBoundingClientRect().left - left + 1) / columnWidth,
            );
            const nextColumn = Math.floor(
              (next.getBoundingClientRect().left - left + 1) / columnWidth,
            );
            if (headingColumn !== nextColumn)
              stranded.push(`${heading.textContent?.trim()} on page ${headingColumn + 1}`);
          }
          return { pages: Math.round(body.scrollWidth / columnWidth), split, stranded };
        },
        { area: PRINTED_AREA, selector: WHOLE_BLOCKS },
      );
      expect(layout.split).toEqual([]);
      expect(layout.stranded).toEqual([]);
      // The column model must agree with the PDF, or its findings do not apply to print.
      expect(Math.abs(layout.pages - printedPages)).toBeLessThanOrEqual(1);
      expect(printedPages).toBeGreaterThan(1);
      expect(printedPages).toBeLessThanOrEqual(MAX_PRINTED_PAGES);
    });

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
