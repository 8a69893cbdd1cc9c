import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { pagesToCheck } from "./support/site-pages.ts";
import { showPage, startSession, type Session } from "./support/session.ts";

describeInBrowser.each(inject("sites"))(
  "requests of the $name site served at $base",
  ({ directory, base }) => {
    let session: Session;
    const requested: string[] = [];
    beforeAll(async () => {
      session = await startSession(directory, base);
      session.browser.context.on("request", (request) => requested.push(request.url()));
    });
    afterAll(async () => {
      await session?.close();
    });

    it.each(pagesToCheck(directory))(
      "stay on the site's server for /$address",
      async (sitePage) => {
        requested.length = 0;
        const page = await showPage(session, sitePage);
        await page.waitForLoadState("load");
        expect(requested.length).toBeGreaterThan(0);
        expect(requested.filter((url) => !url.startsWith(session.server.url))).toEqual([]);
        // The stylesheet loaded and applied: the header's rule is the site's, not the browser's.
        await expect(
          page
            .locator(".site-header")
            .evaluate((header) => getComputedStyle(header).borderBottomWidth),
        ).resolves.toBe("4px");
      },
    );

    it("follows the site's own links from page to page", async () => {
      const page = await session.open("");
      await page.getByRole("link", { name: "All months" }).click();
      await page.waitForURL(`${session.server.url}archive/`);
      await page.getByRole("link", { name: "Indicators" }).first().click();
      await page.waitForURL(`${session.server.url}indicators/`);
      await page.locator("main a").first().click();
      await page.waitForURL(new RegExp(`^${session.server.url}indicators/[a-z0-9-]+/$`));
      await page.locator(".site-name a").click();
      await page.waitForURL(session.server.url);
    });

    it("serves the downloads and the feed with their content types", async () => {
      const page = await session.open("");
      const feedLink = page.locator(`link[rel="alternate"][href="${base}feed.xml"]`);
      await expect(feedLink.count()).resolves.toBe(1);
      const newest = pagesToCheck(directory).find((sitePage) => sitePage.type === "month")!;
      const month = newest.address.replace(/\/$/, "");
      const files = [
        [`${month}/scorecard-${month}.csv`, "text/csv; charset=utf-8"],
        [`${month}/scorecard-${month}.json`, "application/json; charset=utf-8"],
        ["feed.xml", "application/atom+xml; charset=utf-8"],
      ] as const;
      for (const [file, type] of files) {
        const response = await page.request.get(`${session.server.url}${file}`);
        expect(response.status(), file).toBe(200);
        expect(response.headers()["content-type"], file).toBe(type);
        expect((await response.body()).length, file).toBeGreaterThan(100);
      }
    });

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
