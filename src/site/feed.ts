import { formatMonth, nextMonth } from "../model/period.ts";
import type { Dataset } from "../data/load.ts";
import { sitePath } from "./links.ts";

/**
 * Writes an Atom feed of the published months, newest first. Atom requires an id and a date for
 * every entry. Ids are tag URIs built from the council's code and the month. A month without a
 * publication date is dated the first day of the following month, so the feed does not depend on
 * the clock of the machine that builds it.
 */
export function atomFeed(dataset: Dataset, base: string): string {
  const months = [...dataset.months].reverse();
  const title = `${dataset.council.name} ${dataset.council.scorecardTitle}`;
  const updatedOf = (period: string, published: string | undefined) =>
    `${published ?? `${nextMonth(period)}-01`}T00:00:00Z`;
  const entries = months.map((month) => {
    const link = sitePath(base, month.period);
    return [
      "  <entry>",
      `    <id>tag:scorecard.${escapeXml(dataset.council.code)}.invalid,2020:${month.period}</id>`,
      `    <title>${escapeXml(`${dataset.council.scorecardTitle} for ${formatMonth(month.period)}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <updated>${updatedOf(month.period, month.published)}</updated>`,
      `    <summary>${escapeXml(`The scorecard for ${formatMonth(month.period)}.`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  const latest = months[0];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>tag:scorecard.${escapeXml(dataset.council.code)}.invalid,2020:feed</id>`,
    `  <title>${escapeXml(title)}</title>`,
    `  <author><name>${escapeXml(dataset.council.name)}</name></author>`,
    `  <link rel="self" href="${escapeXml(sitePath(base))}feed.xml"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(sitePath(base))}"/>`,
    `  <updated>${latest ? updatedOf(latest.period, latest.published) : "2020-01-01T00:00:00Z"}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
