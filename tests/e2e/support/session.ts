import type { Page, Route } from "playwright-core";
import { launchBrowser, type Browser, type ContextOptions } from "./browser.ts";
import type { SitePage } from "./site-pages.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

/** Chromium requests an icon from every server by itself; the site has none, and needs none. */
const BROWSER_ICON_REQUEST = "/favicon.ico";

export interface Session {
  browser: Browser;
  server: StaticServer;
  /** Everything that went wrong while pages loaded, one line each, for a test to expect empty. */
  problems: string[];
  /** The browser's tab, which open() uses unless given another. */
  page: Page;
  /** Loads the site's page at the given address below its base; throws unless it returns HTTP 200. */
  open(address: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Serves a built site and starts Chromium to browse it. Any request to another host is blocked
 * and recorded, as are failed requests, error responses, script errors and console errors (where
 * Chromium reports Content-Security-Policy violations).
 */
export async function startSession(
  root: string,
  base = "/",
  options: ContextOptions = {},
): Promise<Session> {
  const server = await serveSite(root, base);
  const browser = await launchBrowser(options);
  const problems: string[] = [];
  const { context } = browser;

  await context.route(
    (url) => url.origin !== server.origin,
    async (route) => {
      problems.push(`request to another host: ${route.request().url()}`);
      await route.abort("blockedbyclient");
    },
  );
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText;
    // A request cut short because the page moved on (or stayed, after a 204) is not a fault.
    if (new URL(request.url()).origin !== server.origin || error === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.url()} (${error})`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const watch = (page: Page) => {
    page.on("pageerror", (error) =>
      problems.push(`script error on ${page.url()}: ${error.message}`),
    );
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (message.location().url.endsWith(BROWSER_ICON_REQUEST)) return;
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      problems.push(`dialog on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  const firstPage = context.pages()[0] ?? (await context.newPage());

  return {
    browser,
    server,
    problems,
    page: firstPage,
    async open(address, page = firstPage) {
      const tab = page;
      const response = await tab.goto(`${server.url}${address}`);
      if (!response?.ok()) {
        throw new Error(
          `${server.url}${address} returned HTTP ${response?.status() ?? "no response"}`,
        );
      }
      return tab;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Loads a page that moves the reader on with a meta refresh, and keeps it on screen: the browser
 * still requests the refresh's target, but a "204 No Content" response leaves the page in place.
 * Returns the address the page asked for.
 */
export async function openHoldingRefresh(session: Session, address: string): Promise<string> {
  const { page } = session;
  const own = `${session.server.url}${address}`;
  let resolveRefresh: (url: string) => void = () => {};
  const refreshed = new Promise<string>((resolve) => (resolveRefresh = resolve));
  const hold = async (route: Route) => {
    const request = route.request();
    if (!request.isNavigationRequest() || request.url() === own) {
      await route.fallback();
      return;
    }
    await route.fulfill({ status: 204 });
    resolveRefresh(request.url());
  };
  await page.route("**/*", hold);
  try {
    await session.open(address);
    return await refreshed;
  } finally {
    await page.unroute("**/*", hold);
  }
}

/** Loads a page of the site to test it; /latest/ stays on screen rather than moving on. */
export async function showPage(session: Session, sitePage: SitePage): Promise<Page> {
  if (sitePage.type === "latest") await openHoldingRefresh(session, sitePage.address);
  else await session.open(sitePage.address);
  return session.page;
}
