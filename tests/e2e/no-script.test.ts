import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { rootSites } from "../support/sites.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { pagesToCheck } from "./support/site-pages.ts";
import { showPage, startSession, type Session } from "./support/session.ts";

/** The text of a page's main content outside its charts, as the built file has it, without spaces. */
function builtMainText(directory: string, address: string): string {
  const html = readFileSync(join(directory, address, "index.html"), "utf8");
  const main = parseHTML(html).document.querySelector("main");
  for (const svg of main?.querySelectorAll("svg") ?? []) svg.remove();
  return (main?.textContent ?? "").replace(/\s+/g, "");
}

describeInBrowser.each(rootSites(inject("sites")))(
  "the $name site with JavaScript turned off",
  ({ directory }) => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(directory, "/", { javaScriptEnabled: false });
    });
    afterAll(async () => {
      await session?.close();
    });

    it.each(pagesToCheck(directory))("shows all the content of /$address", async (sitePage) => {
      const page = await showPage(session, sitePage);
      // Open every data table the way a reader would, which needs no script.
      const closed = page.locator("details:not([open]) > summary");
      for (let count = await closed.count(); count > 0; count--) await closed.first().click();
      await expect(closed.count()).resolves.toBe(0);
      const shown = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const hidden: string[] = [];
        let visibleText = "";
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim();
          const parent = node.parentElement;
          if (!text || !parent || parent.closest("svg")) continue;
          if (parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
            visibleText += text;
          } else {
            hidden.push(text.slice(0, 60));
          }
        }
        const charts = [...main.querySelectorAll("svg.chart")].map((svg) => {
          const box = svg.getBoundingClientRect();
          return { name: svg.getAttribute("aria-label"), width: box.width, height: box.height };
        });
        return { text: visibleText.replace(/\s+/g, ""), hidden, charts };
      });
      expect(shown.hidden).toEqual([]);
      expect(shown.text.length).toBeGreaterThan(20);
      expect(shown.text).toBe(builtMainText(directory, sitePage.address));
      for (const chart of shown.charts) {
        expect(chart.width, `width of ${chart.name}`).toBeGreaterThan(200);
        expect(chart.height, `height of ${chart.name}`).toBeGreaterThan(50);
      }
    });

    it("leads from /latest/ to the newest month by its meta refresh", async () => {
      const newest = pagesToCheck(directory).find((sitePage) => sitePage.type === "month")!;
      await session.open("latest/");
      await session.page.waitForURL(`${session.server.url}${newest.address}`);
      await expect(session.page.locator("h1").textContent()).resolves.toMatch(/^Scorecard for /);
    });

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
