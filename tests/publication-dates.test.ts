import { describe, expect, it } from "vitest";
import { atomFeed } from "../src/site/feed.ts";
import { publicationText } from "../src/site/month-navigation.ts";
import { problemsFor } from "./support/data-folder.ts";

function loadMonths(files: Record<string, string>) {
  const { result, lines } = problemsFor(files);
  expect(lines).toEqual([]);
  return result.dataset!;
}

const month = (period: string, published?: string) =>
  `period: "${period}"\n${published ? `published: "${published}"\n` : ""}` +
  "indicators:\n  children-in-care: { value: 650 }\n";

const updatedDates = (feed: string) =>
  [...feed.matchAll(/<updated>([^<]+)<\/updated>/g)].map((match) => match[1]);

describe("month with no publication date", () => {
  const dataset = loadMonths({
    "2020-12.yaml": month("2020-12"),
    "2021-01.yaml": month("2021-01", "2021-02-15"),
  });
  const [december, january] = dataset.months;
  const feed = atomFeed(dataset, "/");

  it("is left out of the feed", () => {
    expect(feed).not.toContain("/2020-12/");
    expect(feed).toContain('href="/2021-01/"');
  });

  it("gives the feed only recorded dates", () => {
    expect(updatedDates(feed)).toEqual(["2021-02-15T00:00:00Z", "2021-02-15T00:00:00Z"]);
  });

  it("says the date is not recorded", () => {
    expect(publicationText(december!)).toBe("Date not recorded");
    expect(publicationText(january!)).toBe("15 February 2021");
  });
});

describe("feed with no recorded dates", () => {
  const dataset = loadMonths({ "2020-12.yaml": month("2020-12") });
  const feed = atomFeed(dataset, "/");

  it("has no entries", () => {
    expect(feed).not.toContain("<entry>");
  });

  it("dates the feed at the epoch", () => {
    expect(updatedDates(feed)).toEqual(["1970-01-01T00:00:00Z"]);
  });
});
