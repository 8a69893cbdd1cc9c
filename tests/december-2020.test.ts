import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { indicatorFacts, openPage, tableRows, textOf } from "./support/pages.ts";

const site = inject("realSite");
const monthPage = () => openPage(site, "/2020-12/");

describe("the December 2020 scorecard", () => {
  it("shows 664 children in care, rated Poor against a target below 546", () => {
    expect(indicatorFacts(monthPage(), "children-in-care")).toMatchObject({
      "At the end of December 2020": "664",
      Target: "below 546",
      "Performance against target": "○ Poor",
    });
  });

  it.each([
    ["reviews-on-time", "Year to date, April to December 2020", "100.0%", "above 97%", "● Strong"],
    ["three-plus-placements", "At the end of December 2020", "10.0%", "below 10%", "● Strong"],
    ["long-term-stability", "At the end of December 2020", "63.3%", "above 68%", "◐ Acceptable"],
    [
      "initial-health-assessments",
      "Year to date, April to December 2020",
      "36.8%",
      "above 95%",
      "○ Poor",
    ],
    ["annual-health-assessments", "At the end of December 2020", "90.5%", "above 86%", "● Strong"],
    ["dental-checks", "At the end of December 2020", "30.5%", "above 82%", "○ Poor"],
    ["adopted", "Year to date, April to December 2020", "26.3%", "above 17%", "● Strong"],
    [
      "days-entry-to-adoptive-placement",
      "The 12 months to the end of December 2020",
      "467 days",
      "below 430 days",
      "◐ Acceptable",
    ],
    [
      "days-placement-order-to-match",
      "The 12 months to the end of December 2020",
      "212.1 days",
      "below 185 days",
      "○ Poor",
    ],
    ["care-leavers-in-touch", "At the end of December 2020", "86.2%", "above 95%", "○ Poor"],
  ])("rates %s from its figure and target", (id, coverage, figure, target, rating) => {
    expect(indicatorFacts(monthPage(), id)).toMatchObject({
      [coverage]: figure,
      Target: target,
      "Performance against target": rating,
    });
  });

  it.each([
    ["personal-education-plans", "98.5%", "Not rated: no target is set for this period"],
    ["good-or-outstanding-schools", "72.9%", "Not rated: no target is set for this period"],
    ["care-leavers-suitable-accommodation", "87.2%", "Not rated: no target is set for this period"],
    ["statutory-visits-on-time", "Missing", "Not rated: the figure is missing"],
  ])("says why %s has no rating", (id, figure, reason) => {
    const facts = indicatorFacts(monthPage(), id);
    expect(Object.values(facts)[0]).toBe(figure);
    expect(facts["Performance against target"]).toBe(reason);
  });

  it("gives no direction of travel without a previous month, and says why", () => {
    expect(indicatorFacts(monthPage(), "children-in-care")["Change since previous month"]).toBe(
      "No direction of travel: no figure is recorded for the previous period",
    );
  });

  it("shows the legal-status table summing to the 664 children in care", () => {
    const table = monthPage().querySelector("#legal-status-breakdown table")!;
    const rows = tableRows(table);
    expect(rows.map((row) => row[0])).toEqual([
      "Full care order",
      "Interim care order",
      "Voluntary agreement (section 20)",
      "Freed for adoption or placement order",
      "Other",
    ]);
    const total = rows.reduce((sum, row) => sum + Number(row[1]!.replaceAll(",", "")), 0);
    expect(total).toBe(664);
  });

  it("charts every breakdown and series with a name, a summary and a table", () => {
    const figures = [...monthPage().querySelectorAll("figure.chart-figure")];
    expect(figures.map((figure) => figure.id)).toEqual([
      "social-workers-breakdown",
      "average-caseload-breakdown",
      "legal-status-breakdown",
      "time-in-care-breakdown",
      "placement-type-breakdown",
      "age-group-breakdown",
      "initial-health-assessments-series",
    ]);
    for (const figure of figures) {
      expect(textOf(figure.querySelector(".chart-summary"))).toMatch(/\.$/);
      expect(figure.querySelector("table caption")).not.toBeNull();
      const svg = figure.querySelector("svg");
      if (!svg) continue;
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toBe(textOf(figure.querySelector(".chart-title")));
    }
  });

  it("draws no chart when every figure of a breakdown was lost, and says why", () => {
    const figure = monthPage().querySelector("#time-in-care-breakdown")!;
    expect(figure.querySelector("svg")).toBeNull();
    expect(textOf(figure.querySelector(".chart-summary"))).toBe(
      "None of the 6 figures by length of time in care is available.",
    );
    expect(textOf(figure.querySelector(".chart-notes"))).toBe(
      "0 to 6 months, 7 to 12 months, 1 to 2 years, 3 to 5 years, 6 to 10 years, 11 to 15 years. Missing: Lost from the recovered text of the source.",
    );
  });

  it("marks each likely reading and says how it was read", () => {
    const figure = monthPage().querySelector("#age-group-breakdown")!;
    expect(tableRows(figure.querySelector("table")!)).toContainEqual([
      "1 to 4 years",
      "61 (likely)",
      "9.2%",
    ]);
    expect(textOf(figure.querySelector(".chart-notes"))).toContain(
      '1 to 4 years. Likely reading: Read from the chart label "1to4; 61".',
    );
  });

  it("draws a missing breakdown figure as a labelled gap, never a zero bar", () => {
    const figure = monthPage().querySelector("#age-group-breakdown")!;
    expect(figure.querySelectorAll(".bar rect")).toHaveLength(1);
    expect(tableRows(figure.querySelector("table")!)).toContainEqual([
      "Under 1 year",
      "Missing",
      "",
    ]);
    expect(textOf(figure.querySelector(".chart-summary"))).toBe(
      "1 of 5 figures by age group is available (1 to 4 years 61); the other 4 are not.",
    );
  });

  it("shows the quarterly initial health assessments in the source's order", () => {
    const rows = tableRows(monthPage().querySelector("#initial-health-assessments-series table")!);
    const figures = ["18.1%", "18.3%", "37.3%", "68.8%", "36.4%", "35.7%", "41.0%", "33.3%"];
    expect(rows.map((row) => row[1])).toEqual(figures.map((figure) => `${figure} (likely)`));
    expect(rows[0]![0]).toBe("Q4 2018/19");
  });

  it("lists the sections in the source's order", () => {
    const headings = [...monthPage().querySelectorAll("section.scorecard-section > h2")].map(
      (heading) => textOf(heading),
    );
    expect(headings).toEqual([
      "Headline figures",
      "Service standards",
      "Workforce",
      "Placements",
      "Legal status",
      "Length of time in care",
      "Placement type",
      "Age group",
      "Missing from care",
      "Education",
      "Health",
      "Adoption",
      "Care leavers",
    ]);
  });

  it("keeps the reading notes of likely figures", () => {
    const text = textOf(monthPage().querySelector("article#care-leavers-in-touch"));
    expect(text).toContain("Likely reading: The figure is legible; the indicator's name is lost");
  });

  it("ships no script", () => {
    const html = readFileSync(join(site, "2020-12", "index.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("script-src 'none'");
  });
});

describe("the pages around December 2020", () => {
  it.each(["service-standards", "placements", "education", "health", "adoption", "care-leavers"])(
    "has a section page for %s",
    (section) => {
      const page = openPage(site, `/2020-12/${section}/`);
      expect(page.querySelectorAll("section.scorecard-section")).toHaveLength(1);
      expect(textOf(page.querySelector("h1"))).toMatch(/, December 2020$/);
    },
  );

  it("leads from the home page and /latest/ to the latest month", () => {
    const home = openPage(site, "/");
    expect(home.querySelector('main a[href="/2020-12/"]')).not.toBeNull();
    const latest = openPage(site, "/latest/");
    expect(latest.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(
      "0; url=/2020-12/",
    );
  });

  it("offers the month's figures as CSV with missing cells left empty", () => {
    const csv = readFileSync(join(site, "2020-12", "scorecard-2020-12.csv"), "utf8").split("\n");
    expect(csv[0]).toBe(
      "month,section,indicator,title,unit,period,category,status,value,numerator,denominator,marker,reason,note,reading,target,rating,direction",
    );
    expect(csv).toContainEqual(
      expect.stringMatching(/^2020-12,headline,children-in-care,.*,664,,,,,,sure,546,Poor,$/),
    );
    expect(csv).toContainEqual(
      expect.stringMatching(/^2020-12,service-standards,statutory-visits-on-time,.*,missing,,,,,/),
    );
  });
});

describe("comparators beside December 2020", () => {
  const comparisonRows = (indicatorId: string, caption: string) => {
    const tables = [...monthPage().querySelectorAll(`article#${indicatorId} .comparators table`)];
    const table = tables.find(
      (candidate) => textOf(candidate.querySelector("caption")) === caption,
    );
    if (!table) throw new Error(`no comparator table "${caption}" for ${indicatorId}`);
    return tableRows(table);
  };

  it("shows the rate per 10,000 beside England, the region and the neighbours", () => {
    expect(
      comparisonRows(
        "children-in-care",
        "Children in care on 31 March 2021 per 10,000 children: published comparators",
      ),
    ).toEqual([
      ["Cambridgeshire", "48 per 10,000"],
      ["England", "69 per 10,000"],
      ["East of England", "50 per 10,000"],
      [
        "Statistical neighbours",
        "Average 50.8 per 10,000, range 37 per 10,000 to 73 per 10,000 (10 of 10 councils)",
      ],
    ]);
  });

  it("uses the published year nearest the month", () => {
    const rows = comparisonRows(
      "average-caseload",
      "Average caseload of case-holding children and family social workers (FTE), 30 September 2020: published comparators",
    );
    expect(rows[0]).toEqual(["Cambridgeshire", "9.7"]);
  });

  it("says how the published definition differs from the monthly one", () => {
    const text = textOf(monthPage().querySelector("article#children-in-care .comparators"));
    expect(text).toContain(
      "Counted on 31 March each year, where the scorecard counts the children in care on the last day of each month.",
    );
  });

  it("counts a neighbour left out, never as zero", () => {
    const rows = comparisonRows(
      "care-leavers-in-touch",
      "Care leavers aged 17 to 18 whose activity the council knows (in touch), 31 March 2021: published comparators",
    );
    expect(rows[3]![1]).toBe(
      "Average 94.1%, range 71% to 100% (9 of 10 councils; 1 not published or suppressed)",
    );
  });
});

describe("December 2020 publication date", () => {
  it("is not recorded in the archive", () => {
    const rows = tableRows(openPage(site, "/archive/").querySelector("table.archive")!);
    expect(rows[0]![0]).toBe("December 2020");
    expect(rows[0]![1]).toBe("Date not recorded");
  });

  it("keeps the month out of the feed", () => {
    const feed = readFileSync(join(site, "feed.xml"), "utf8");
    expect(feed).not.toContain("<entry>");
    expect(feed).toContain("<updated>1970-01-01T00:00:00Z</updated>");
  });
});
