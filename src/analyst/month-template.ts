import { stringify } from "yaml";
import { formatMonth } from "../model/period.ts";
import type { Catalogue, Indicator, MonthReport, Observation } from "../model/types.ts";

export interface TemplateComparison {
  /** The month whose figures are shown in comments. */
  month: MonthReport;
  /** That month's file name, as the comments name it. */
  fileName: string;
  /** That file's parsed data, from which each series is carried over as written. */
  data: unknown;
}

const CADENCE_WORDS: Record<Indicator["cadence"], string> = {
  snapshot: "snapshot",
  monthly: "in the month",
  quarterly: "quarter",
  "year-to-date": "year to date",
  "rolling-year": "last 12 months",
};

/**
 * Writes the text of a new month file. Every catalogue indicator is listed with its fields left
 * empty to fill in and the comparison month's figures beside them as comments. Each series is
 * carried over from the comparison month, and every section gets an empty commentary entry. The
 * empty fields are errors for `npm run validate` until they are filled in or deleted, so the
 * file cannot be published unfinished.
 */
export function writeMonthTemplate(
  catalogue: Catalogue,
  period: string,
  comparison: TemplateComparison | undefined,
): string {
  const lines: string[] = [];
  const compared = comparison ? formatMonth(comparison.month.period) : undefined;
  lines.push(
    `# Scorecard figures for ${formatMonth(period)}, started by \`npm run new-month ${period}\`.`,
    "#",
    "# Fill in every empty field. A figure that is not known is written `missing: <reason>`, and a",
    "# figure withheld is written `suppressed: <marker>` (c, k, low, u, x or z); an empty field is",
    "# never read as 0. Delete a numerator or denominator line that is not given.",
    compared
      ? `# ${compared}'s figures, from ${comparison!.fileName}, are shown in comments for comparison.`
      : "# There is no earlier month to compare with.",
    "# `npm run validate` lists every field still to fill in.",
    "",
    `period: "${period}"`,
    '# published: "YYYY-MM-DD"',
    "# source: Where the figures came from, shown on the month's page.",
    "",
    "indicators:",
  );

  for (const section of catalogue.sections) {
    const indicators = catalogue.indicators.filter((indicator) => indicator.section === section.id);
    if (indicators.length === 0) continue;
    lines.push(`  # ${section.title}`, "");
    for (const indicator of indicators) {
      lines.push(...indicatorLines(indicator, comparison, compared), "");
    }
  }

  lines.push(
    "# Commentary for each section, shown on its page. Write it, or delete the line when the section",
    "# has none this month.",
    "commentary:",
    ...catalogue.sections.map((section) => `  ${section.id}:`),
    "",
  );
  return lines.join("\n");
}

function indicatorLines(
  indicator: Indicator,
  comparison: TemplateComparison | undefined,
  compared: string | undefined,
): string[] {
  const report = comparison?.month.indicators.get(indicator.id);
  const lines = [
    `  # ${oneLine(indicator.title)} (${indicator.unit}, ${CADENCE_WORDS[indicator.cadence]})`,
    `  ${indicator.id}:`,
  ];
  const before = (text: string | undefined) =>
    compared ? ` # ${compared}: ${text ?? "not reported"}` : "";

  if (!indicator.breakdown || report?.current) {
    lines.push(`    value:${before(describeFigure(report?.current, indicator.decimals))}`);
    if (indicator.unit === "percent" && indicator.numerator && indicator.denominator) {
      // A missing or suppressed figure has no parts to compare with.
      const current = report?.current?.kind === "value" ? report.current : undefined;
      const part = (value: number | undefined) => (current ? before(describeNumber(value)) : "");
      lines.push(`    numerator:${part(current?.numerator)}`);
      lines.push(`    denominator:${part(current?.denominator)}`);
    }
  }
  if (indicator.breakdown) {
    lines.push("    breakdown:");
    for (const category of indicator.breakdown.categories) {
      const observation = report?.breakdown.get(category.id);
      const figure = compared
        ? `. ${compared}: ${describeFigure(observation, indicator.decimals)}`
        : "";
      lines.push(`      ${category.id}: # ${oneLine(category.label)}${figure}`);
    }
  }
  const series = seriesOf(comparison?.data, indicator.id);
  if (series.length > 0) {
    lines.push(
      `    # Carried over from ${comparison!.fileName}: add or correct periods as they become known.`,
    );
    lines.push("    series:");
    for (const entry of series) {
      const text = stringify(entry, {
        collectionStyle: "flow",
        defaultStringType: "QUOTE_DOUBLE",
        defaultKeyType: "PLAIN",
        lineWidth: 0,
      });
      lines.push(`      - ${text.trim()}`);
    }
  }
  return lines;
}

function describeFigure(observation: Observation | undefined, decimals: number): string {
  if (!observation) return "not reported";
  switch (observation.kind) {
    case "value":
      // Whole numbers are shown with the indicator's decimals, as 10.0 for a percentage.
      return Number.isInteger(observation.value)
        ? observation.value.toFixed(decimals)
        : String(observation.value);
    case "missing":
      return "missing";
    case "suppressed":
      return `suppressed [${observation.marker}]`;
  }
}

function describeNumber(value: number | undefined): string {
  return value === undefined ? "not given" : String(value);
}

/** Returns an indicator's series as the comparison file wrote it, or none. */
function seriesOf(data: unknown, id: string): unknown[] {
  const indicators = (data as { indicators?: Record<string, { series?: unknown }> } | undefined)
    ?.indicators;
  const series = indicators?.[id]?.series;
  return Array.isArray(series) ? series : [];
}

/** Catalogue titles are plain text; a line break in one would end the comment early. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
