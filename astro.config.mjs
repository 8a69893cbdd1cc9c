// @ts-check
import { defineConfig } from "astro/config";

/**
 * The site is plain files that work under any sub-path: set SCORECARD_BASE (for example
 * /reports/scorecard/) when the intranet serves it below the server's root.
 */
const base = process.env.SCORECARD_BASE ?? "/";

export default defineConfig({
  output: "static",
  base,
  trailingSlash: "always",
  build: {
    format: "directory",
    // Styles go in their own files so each page's Content-Security-Policy need not allow inline CSS.
    inlineStylesheets: "never",
    // By default Astro renders one page at a time and waits for its file to be written before the
    // next. With four at a time, pages are rendered while files are written.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  // Astro would otherwise rewrite pages with its own prefetch script: the site ships no JavaScript.
  prefetch: false,
});
