import { defineConfig } from "vitest/config";
import ClosingLineReporter from "./tests/support/closing-line-reporter.ts";

// Builds take tens of seconds each on two cores, and a browser test visits many pages.
const timeouts = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    reporters: ["default", new ClosingLineReporter()],
    // Runs once for both projects: it builds every site the tests share.
    globalSetup: ["tests/support/global-setup.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
          ...timeouts,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Finds Chromium, or says once why the browser tests are skipped.
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
