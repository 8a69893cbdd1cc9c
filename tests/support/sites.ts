/** A site built once for the whole test run, as global-setup.ts provides it to every test file. */
export interface BuiltSite {
  /** Short name for test titles and screenshot files, such as "real" or "real-sub-path". */
  name: string;
  /** The folder the site was built into. */
  directory: string;
  /** The path the site is built to be served under: "/" or a sub-path such as "/reports/scorecard/". */
  base: string;
}

/** The sub-path the sub-path builds are made for, as an intranet might serve the site. */
export const SUB_PATH_BASE = "/reports/scorecard/";

export interface SiteBuildPlan {
  name: string;
  /** The data folder, relative to the project, or a function that makes one and returns it. */
  data: string | (() => string);
  base: string;
  /** More environment variables for the build. */
  environment?: Record<string, string>;
}

/**
 * The data sets every site-wide test runs against, each built at the server's root and below a
 * sub-path. A new data set (such as generated example data) is added here as one more entry.
 */
export const SITE_BUILD_PLANS: SiteBuildPlan[] = [
  { name: "real", data: "data", base: "/" },
  // A stray BASE_URL in the environment (vitest and some CI systems set one) must not move links.
  { name: "real-sub-path", data: "data", base: SUB_PATH_BASE, environment: { BASE_URL: "/" } },
];

/** Sites built for the server's root, where the browser tests run their full checks. */
export function rootSites(sites: BuiltSite[]): BuiltSite[] {
  return sites.filter((site) => site.base === "/");
}
