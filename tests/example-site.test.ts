import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { monthRange } from "../src/model/period.ts";
import { indicatorFacts, openPage, tableRows, textOf } from "./support/pages.ts";

const site = inject("exampleSite");
const realSite = inject("realSite");
const FIRST = "2019-04";
const LAST = "2022-07";
const UNPUBLISHED = "2020-08";
const published = monthRange(FIRST, LAST).filter((month) => month !== UNPUBLISHED);
const sections = [
  "headline",
  "service-standards",
  "workforce",
  "placements",
  "legal-status",
  "time-in-care",
  "placement-type",
  "age",
  "missing",
  "education",
  "health",
  "adoption",
  "care-leavers",
];

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".html"))
    .map((name) => join(root, name));
}

describe("the example archive", () => {
  it("has a page and every section page for each published month", () => {
    for (const month of published) {
      expect(textOf(openPage(site, `/${month}/`).querySelector("h1"))).toMatch(/^Scorecard for /);
      for (const section of sections) openPage(site, `/${month}/${section}/`);
    }
  });

  it("names the unpublished month in the archive", () => {
    const rows = tableRows(openPage(site, "/archive/").querySelector("table.archive")!);
    expect(rows).toHaveLength(40);
    expect(rows[0]![0]).toBe("July 2022");
    expect(rows.find((row) => row[0] === "August 2020")).toEqual([
      "August 2020",
      "Not published: no scorecard was issued for this month.",
    ]);
  });

  it("links each month to the one before and after", () => {
    published.forEach((month, index) => {
      const page = openPage(site, `/${month}/`);
      const previous = page.querySelector('a[rel="prev"]')?.getAttribute("href");
      const next = page.querySelector('a[rel="next"]')?.getAttribute("href");
      expect(previous).toBe(index > 0 ? `/${published[index - 1]}/` : undefined);
      expect(next).toBe(index < published.length - 1 ? `/${published[index + 1]}/` : undefined);
    });
  });

  it("tells an older month's reader that a newer scorecard exists", () => {
    const notice = openPage(site, "/2021-05/placements/").querySelector(".newer-notice");
    expect(textOf(notice)).toBe(
      "This is the scorecard for May 2021. A newer scorecard exists: July 2022.",
    );
    expect(notice?.querySelector("a")?.getAttribute("href")).toBe("/2022-07/placements/");
    expect(openPage(site, `/${LAST}/`).querySelector(".newer-notice")).toBeNull();
  });

  it("leads /latest/ to the newest month", () => {
    const refresh = openPage(site, "/latest/").querySelector('meta[http-equiv="refresh"]');
    expect(refresh?.getAttribute("content")).toBe(`0; url=/${LAST}/`);
  });

  it("lists every month in the feed, newest first", () => {
    const feed = readFileSync(join(site, "feed.xml"), "utf8");
    const entries = feed.split("<entry>").slice(1);
    const links = entries.map((entry) => /href="([^"]+)"/.exec(entry)?.[1]);
    expect(links).toEqual([...published].reverse().map((month) => `/${month}/`));
  });
});

describe("history in the example data", () => {
  it("marks a figure a later file revised, and lists the change", () => {
    const page = openPage(site, "/indicators/reviews-on-time/");
    const revisions = [...page.querySelectorAll("ul.revisions li")].map((item) => textOf(item));
    expect(revisions).toEqual([
      "January 2021: 99.1% revised to 100.0% in the file for February 2021.",
    ]);
    const monthly = tableRows(page.querySelector("#reviews-on-time-monthly table")!);
    expect(monthly.find((row) => row[0] === "Jan 2021")?.[1]).toBe("100.0% (revised)");
  });

  it("keeps a month's own page as it was published", () => {
    const january = tableRows(
      openPage(site, "/2021-01/service-standards/").querySelector("#reviews-on-time-series table")!,
    );
    expect(january.find((row) => row[0] === "Jan 2021")?.[1]).toBe("99.1%");
  });

  it("draws year-to-date figures as one line per financial year", () => {
    const svg = openPage(site, "/indicators/reviews-on-time/").querySelector(
      "#reviews-on-time-history svg",
    )!;
    const paths = [...svg.querySelectorAll(".series-line path")].map(
      (path) => path.getAttribute("d") ?? "",
    );
    // One unbroken path per financial year: March 2019 (the first file's previous figure) stands
    // alone in 2018/19, then 2019/20 to 2022/23. August 2020 was not published, but September's
    // file gives its figure as the previous month's, so 2020/21 has no gap.
    expect(paths.map((path) => path.split("M").length - 1)).toEqual([1, 1, 1, 1, 1]);
  });

  it("judges each month by the target in force then", () => {
    expect(
      indicatorFacts(openPage(site, "/2021-03/health/"), "initial-health-assessments").Target,
    ).toBe("above 80%");
    expect(
      indicatorFacts(openPage(site, "/2021-04/health/"), "initial-health-assessments").Target,
    ).toBe("above 90%");
    const targets = tableRows(
      openPage(site, "/indicators/initial-health-assessments/").querySelector("table.targets")!,
    );
    expect(targets.map((row) => row.slice(0, 2))).toEqual([
      ["April 2019", "above 80%"],
      ["April 2021", "above 90%"],
    ]);
  });

  it("shows a dated correction on its month's page", () => {
    const corrections = textOf(openPage(site, "/2022-06/").querySelector(".corrections"));
    expect(corrections).toMatch(
      /^Corrections since publication 5 August 2022: Missing from care episodes in the month changed from 56 to 62\./,
    );
  });
});

describe("the fictional notice", () => {
  it("appears on every page built from example data", () => {
    const pages = htmlFiles(site);
    expect(pages.length).toBeGreaterThan(published.length * (sections.length + 1));
    const without = pages.filter(
      (file) => !readFileSync(file, "utf8").includes('class="fictional-notice"'),
    );
    expect(without.map((file) => relative(site, file))).toEqual([]);
  });

  it("appears on no page built from the real data", () => {
    const withNotice = htmlFiles(realSite).filter((file) =>
      readFileSync(file, "utf8").includes("fictional"),
    );
    expect(withNotice.map((file) => relative(realSite, file))).toEqual([]);
  });
});
