import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH, chromiumIsInstalled } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Whether Chromium is installed, so the browser tests can run. */
    chromiumInstalled: boolean;
    /** Whether SCORECARD_E2E=required is set, which turns a missing Chromium into a failure. */
    browserRequired: boolean;
    /** SCORECARD_E2E as set, for browser.test.ts to reject any value but "required". */
    browserMode: string;
  }
}

export default function setup(project: TestProject): void {
  const mode = process.env.SCORECARD_E2E ?? "";
  const installed = chromiumIsInstalled();
  if (!installed) {
    const what = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
    console.warn(
      mode === "required"
        ? `browser tests FAIL: ${what}, and SCORECARD_E2E=required`
        : `browser tests skipped: ${what}. Set SCORECARD_E2E=required to make this a failure.`,
    );
  }
  project.provide("chromiumInstalled", installed);
  project.provide("browserRequired", mode === "required");
  project.provide("browserMode", mode);
}
