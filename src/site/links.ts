/**
 * Joins a site path onto the base the site is served under, so every link works whether the
 * site sits at the server's root or below a sub-path. Paths end in a slash, like the pages.
 */
export function sitePath(base: string, ...segments: string[]): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const path = segments
    .map((segment) => segment.replace(/^\/+|\/+$/g, ""))
    .filter(Boolean)
    .join("/");
  return path === "" ? prefix : `${prefix}${path}/`;
}

/** Joins a file name onto a site path: for downloads such as 2020-12/scorecard-2020-12.csv. */
export function siteFile(base: string, directory: string, file: string): string {
  return `${sitePath(base, directory)}${file}`;
}
