import { defineConfig } from "vitest/config";
import ClosingLineReporter from "./tests/support/closing-line-reporter.ts";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**"],
    reporters: ["default", new ClosingLineReporter()],
    globalSetup: ["tests/support/global-setup.ts"],
    // The site build test runs Astro once for every test file that needs it; give it room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
