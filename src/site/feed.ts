import { formatMonth } from "../model/period.ts";
import type { Dataset } from "../data/load.ts";
import { escapeMarkup } from "./escape-markup.ts";
import { sitePath } from "./links.ts";

/**
 * A stand-in for the feed's own date when no month records a publication date. Atom requires the
 * element, and the epoch is plainly not a publication date, where a plausible date would mislead.
 * NOTE: feed readers still show this date; no date in the data files could replace it.
 */
const NO_RECORDED_DATE = "1970-01-01T00:00:00Z";

/**
 * Writes an Atom feed of the months with a recorded publication date, newest first. Atom requires
 * an id and a date for every entry. Ids are tag URIs built from the council's code and the month.
 * A month whose file records no publication date is left out, because no other date in its file
 * gives the day it appeared, and dating it from the build machine's clock would change the feed's
 * bytes from one build to the next.
 */
export function atomFeed(dataset: Dataset, base: string): string {
  const months = dataset.months
    .flatMap((month) => (month.published ? [{ ...month, published: month.published }] : []))
    .reverse();
  const title = `${dataset.council.name} ${dataset.council.scorecardTitle}`;
  const updatedOf = (published: string) => `${published}T00:00:00Z`;
  const entries = months.map((month) => {
    const link = sitePath(base, month.period);
    return [
      "  <entry>",
      `    <id>tag:scorecard.${escapeMarkup(dataset.council.code)}.invalid,2020:${month.period}</id>`,
      `    <title>${escapeMarkup(`${dataset.council.scorecardTitle} for ${formatMonth(month.period)}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(link)}"/>`,
      `    <updated>${updatedOf(month.published)}</updated>`,
      `    <summary>${escapeMarkup(`The scorecard for ${formatMonth(month.period)}.`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  const newest = months
    .map((month) => month.published)
    .sort()
    .at(-1);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>tag:scorecard.${escapeMarkup(dataset.council.code)}.invalid,2020:feed</id>`,
    `  <title>${escapeMarkup(title)}</title>`,
    `  <author><name>${escapeMarkup(dataset.council.name)}</name></author>`,
    `  <link rel="self" href="${escapeMarkup(sitePath(base))}feed.xml"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(sitePath(base))}"/>`,
    `  <updated>${newest ? updatedOf(newest) : NO_RECORDED_DATE}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
