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

/** The data sets the global setup prepares: the real data in data/, and generated example data. */
export type DataSet = "real" | "example";

export interface SiteBuildPlan {
  name: string;
  data: DataSet;
  base: string;
  /** More environment variables for the build. */
  environment?: Record<string, string>;
}

/**
 * The sites every site-wide test runs against: each data set built at the server's root and
 * below a sub-path. The browser tests run their full checks on the root builds.
 */
export const SITE_BUILD_PLANS: SiteBuildPlan[] = [
  { name: "real", data: "real", base: "/" },
  // A stray BASE_URL in the environment (vitest and some CI systems set one) must not move links.
  { name: "real-sub-path", data: "real", base: SUB_PATH_BASE, environment: { BASE_URL: "/" } },
  { name: "example", data: "example", base: "/" },
  { name: "example-sub-path", data: "example", base: SUB_PATH_BASE },
];

/** Sites built for the server's root, where the browser tests run their full checks. */
export function rootSites(sites: BuiltSite[]): BuiltSite[] {
  return sites.filter((site) => site.base === "/");
}
