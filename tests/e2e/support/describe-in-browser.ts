import { describe, inject } from "vitest";

/**
 * Declares a suite of browser tests, skipped when Chromium is not installed. The global setup
 * says so once, and browser.test.ts fails when SCORECARD_E2E=required.
 */
export const describeInBrowser = describe.skipIf(!inject("chromiumInstalled"));
