import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { rootSites } from "../support/sites.ts";
import { describeInBrowser } from "./support/describe-in-browser.ts";
import { onePagePerType, pagesToCheck } from "./support/site-pages.ts";
import { showPage, startSession, type Session } from "./support/session.ts";

/** The computed styles that can show focus, as read for one element. */
interface FocusStyle {
  order: string | null;
  outline: string;
  outlineWidth: number;
  boxShadow: string;
  background: string;
  color: string;
  textDecoration: string;
  onScreen: boolean;
}

const ORDER_ATTRIBUTE = "data-expected-focus-order";

const VIEWPORTS = {
  desktop: { device: "desktop", width: 1280, height: 800 },
  phone: { device: "phone", width: 390, height: 844 },
} as const;

/**
 * Marks every element that Tab should reach, in document order, and returns their descriptions.
 * These are links, controls, the summary of each <details>, and boxes that scroll sideways
 * without a control inside, which Chromium lets a keyboard reach so it can scroll them.
 */
async function markFocusable(page: Page): Promise<string[]> {
  return page.evaluate((attribute) => {
    const selector = [
      "a[href]",
      "area[href]",
      "button:not([disabled])",
      "input:not([disabled]):not([type=hidden])",
      "select:not([disabled])",
      "textarea:not([disabled])",
      "details > summary:first-of-type",
      "[tabindex]:not([tabindex='-1'])",
    ].join(", ");
    const marked: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      const style = getComputedStyle(element);
      const scrolls =
        ["auto", "scroll"].includes(style.overflowX) &&
        element.scrollWidth > element.clientWidth &&
        !element.querySelector(selector);
      if (!element.matches(selector) && !scrolls) continue;
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      element.setAttribute(attribute, String(marked.length));
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      marked.push(`<${element.tagName.toLowerCase()}> ${text}`);
    }
    return marked;
  }, ORDER_ATTRIBUTE);
}

async function readFocusStyle(page: Page, order: number | "active"): Promise<FocusStyle | null> {
  return page.evaluate(
    ({ attribute, order }) => {
      const element =
        order === "active"
          ? document.activeElement
          : document.querySelector(`[${attribute}="${order}"]`);
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        order: element.getAttribute(attribute),
        outline: `${style.outlineStyle} ${style.outlineColor}`,
        outlineWidth: parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
        background: style.backgroundColor,
        color: style.color,
        textDecoration: style.textDecorationLine,
        onScreen:
          box.width > 0 &&
          box.height > 0 &&
          box.bottom > 0 &&
          box.right > 0 &&
          box.top < window.innerHeight &&
          box.left < window.innerWidth,
      };
    },
    { attribute: ORDER_ATTRIBUTE, order },
  );
}

/** Returns what shows focus on an element, or undefined when nothing visible changes. */
function focusIndicator(unfocused: FocusStyle, focused: FocusStyle): string | undefined {
  if (!focused.outline.startsWith("none") && focused.outlineWidth >= 2) return "outline";
  if (focused.boxShadow !== "none" && focused.boxShadow !== unfocused.boxShadow)
    return "box-shadow";
  if (focused.background !== unfocused.background) return "background";
  return undefined;
}

describeInBrowser.each(rootSites(inject("sites")))(
  "keyboard use of the $name site",
  ({ directory }) => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(directory);
    });
    afterAll(async () => {
      await session?.close();
    });

    // Every page on a desktop, and one of each type on a phone, where wide tables scroll sideways.
    const cases = [
      ...pagesToCheck(directory).map((sitePage) => ({ ...sitePage, ...VIEWPORTS.desktop })),
      ...onePagePerType(pagesToCheck(directory)).map((sitePage) => ({
        ...sitePage,
        ...VIEWPORTS.phone,
      })),
    ];

    it.each(cases)(
      "reaches every control in order with visible focus at /$address on a $device",
      async (sitePage) => {
        await session.page.setViewportSize({ width: sitePage.width, height: sitePage.height });
        const page = await showPage(session, sitePage);
        const expected = await markFocusable(page);
        expect(expected.length).toBeGreaterThan(3);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const unfocused: FocusStyle[] = [];
        for (let order = 0; order < expected.length; order++) {
          unfocused.push((await readFocusStyle(page, order))!);
        }

        const reached: string[] = [];
        const problems: string[] = [];
        for (let press = 0; press <= expected.length; press++) {
          await page.keyboard.press("Tab");
          const focused = await readFocusStyle(page, "active");
          if (!focused) break;
          const order = focused.order === null ? -1 : Number(focused.order);
          // Past the last control, focus either leaves the page or comes round to the first.
          if (order === 0 && reached.length > 0) break;
          reached.push(order === -1 ? "an unexpected element" : expected[order]!);
          if (order === -1) continue;
          if (!focused.onScreen) problems.push(`${expected[order]}: focused off screen`);
          if (!focusIndicator(unfocused[order]!, focused)) {
            problems.push(`${expected[order]}: no visible change on focus`);
          }
        }
        expect(reached).toEqual(expected);
        expect(problems).toEqual([]);
      },
    );

    it("skips to the main content from the first Tab", async () => {
      await session.page.setViewportSize(VIEWPORTS.desktop);
      const page = await session.open("");
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
        "Skip to main content",
      );
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await expect(
        page.evaluate(() => document.activeElement?.closest("main") !== null),
      ).resolves.toBe(true);
    });

    it("opens a chart's data table from the keyboard", async () => {
      const month = pagesToCheck(directory).find((sitePage) => sitePage.type === "month")!;
      const page = await showPage(session, month);
      const details = await page.locator("details:not([open])").first().elementHandle();
      await details!.$eval("summary", (summary) => (summary as HTMLElement).focus());
      await page.keyboard.press("Enter");
      await expect(
        details!.evaluate((element) => (element as HTMLDetailsElement).open),
      ).resolves.toBe(true);
      await page.keyboard.press("Enter");
      await expect(
        details!.evaluate((element) => (element as HTMLDetailsElement).open),
      ).resolves.toBe(false);
    });

    it("loads everything from its own server without errors", () => {
      expect(session.problems).toEqual([]);
    });
  },
);
