import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { HOSTILE_PLACES, HOSTILE_TEXT } from "../support/hostile-data.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { startSession, type Session } from "./support/session.ts";

const fields = Object.keys(HOSTILE_TEXT) as (keyof typeof HOSTILE_TEXT)[];

describeInBrowser("a site built from data with markup in its text", () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession(inject("hostileSite"));
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(fields)("shows the %s as text", async (field) => {
    const page = await session.open(HOSTILE_PLACES[field].replace(/^\//, ""));
    const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, " "));
    expect(text).toContain(HOSTILE_TEXT[field]);
    await expect(page.locator("script, img, b").count()).resolves.toBe(0);
  });

  it("runs no script and opens no dialog", () => {
    expect(session.problems).toEqual([]);
  });
});
