import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { rootSites } from "../support/sites.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { onePagePerType, pagesToCheck } from "./support/site-pages.ts";
import { showPage, startSession, type Session } from "./support/session.ts";

/** Screenshots for people to review; the folder is ignored by git. */
const SCREENSHOTS = new URL("../../screenshots/", import.meta.url).pathname;

/** A desktop browser and a phone held upright (390 CSS pixels is a common phone width). */
const VIEWPORTS = [
  { device: "desktop", width: 1280, height: 800 },
  { device: "phone", width: 390, height: 844 },
] as const;
const COLOR_SCHEMES = ["light", "dark"] as const;

describeInBrowser.each(rootSites(inject("sites")))(
  "screenshots of the $name site",
  ({ name, directory }) => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(directory);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await session?.close();
    });

    const cases = onePagePerType(pagesToCheck(directory)).flatMap((sitePage) =>
      VIEWPORTS.flatMap((viewport) =>
        COLOR_SCHEMES.map((scheme) => ({ ...sitePage, ...viewport, scheme })),
      ),
    );

    it.each(cases)(
      "shows the $type page on a $device in $scheme without sideways scrolling",
      async (shot) => {
        await session.page.setViewportSize({ width: shot.width, height: shot.height });
        await session.page.emulateMedia({ media: "screen", colorScheme: shot.scheme });
        const page = await showPage(session, shot);
        const file = join(SCREENSHOTS, `${name}-${shot.type}-${shot.width}-${shot.scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      },
    );

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
