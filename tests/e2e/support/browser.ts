import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/**
 * Debian's Chromium, installed by `apt-get install chromium`, unless SCORECARD_CHROMIUM names
 * another build. The tests never download a browser.
 */
export const CHROMIUM_PATH = process.env.SCORECARD_CHROMIUM ?? "/usr/bin/chromium";

/** Flags that keep Chromium headless, quiet and off the network except for the pages it is sent to. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumIsInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface Browser {
  context: BrowserContext;
  /** Closes the browser and removes its profile and configuration folders. */
  close(): Promise<void>;
}

export type ContextOptions = Parameters<typeof chromium.launchPersistentContext>[1];

/**
 * Starts Chromium with a fresh profile in a temporary folder, with its configuration and cache
 * folders there too, so no run reads or leaves anything in the user's home folder.
 */
export async function launchBrowser(options: ContextOptions = {}): Promise<Browser> {
  const folder = mkdtempSync(join(tmpdir(), "scorecard-chromium-"));
  const profile = join(folder, "profile");
  const config = join(folder, "config");
  const cache = join(folder, "cache");
  for (const directory of [profile, config, cache]) mkdirSync(directory);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache },
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/London",
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
