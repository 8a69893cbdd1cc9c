import { describe, expect, inject, it } from "vitest";
import { CHROMIUM_PATH } from "./support/browser.ts";
import { startSession } from "./support/session.ts";

const installed = inject("chromiumInstalled");
const required = inject("browserRequired");
const mode = inject("browserMode");
const [site] = inject("sites");

describe("Chromium for the browser tests", () => {
  it("is asked for with a valid SCORECARD_E2E", () => {
    expect(
      ["", "required"],
      `invalid SCORECARD_E2E=${JSON.stringify(mode)}: set "required" or nothing`,
    ).toContain(mode);
  });

  it.skipIf(!installed && !required)("is installed", () => {
    expect(
      installed,
      `Chromium is not installed at ${CHROMIUM_PATH} and SCORECARD_E2E=required: run "apt-get install -y chromium"`,
    ).toBe(true);
  });

  it.skipIf(!installed)("shows the home page", async () => {
    const session = await startSession(site!.directory, site!.base);
    try {
      const page = await session.open("");
      await expect(page.locator("h1").textContent()).resolves.toBeTruthy();
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
