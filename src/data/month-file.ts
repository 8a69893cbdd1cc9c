import { sameFigure } from "../model/observation.ts";
import { comparePeriods, lastMonthOf, periodKind, previousMonth } from "../model/period.ts";
import type {
  Catalogue,
  Correction,
  Indicator,
  IndicatorReport,
  MonthReport,
  Observation,
  SeriesPoint,
} from "../model/types.ts";
import { closestMatch } from "./closest-match.ts";
import { describeField } from "./field-names.ts";
import {
  readObservation,
  type RawObservation,
  type RawObservationFields,
  type ReportProblem,
} from "./observations.ts";
import type { Problem } from "./problems.ts";
import type { PathSegment, SourceDocument } from "./source-document.ts";
import { checkYearToDate } from "./year-to-date.ts";

interface RawReport extends RawObservationFields {
  previous?: RawObservation;
  series?: (RawObservationFields & { period: string })[];
  breakdown?: Record<string, RawObservation>;
}

interface RawMonth {
  period: string;
  published?: string;
  source?: string;
  commentary?: Record<string, string>;
  indicators: Record<string, RawReport>;
  corrections?: RawCorrection[];
}

interface RawCorrection {
  date: string;
  indicator: string;
  category?: string;
  from: RawObservation;
  to: RawObservation;
  reason: string;
}

/**
 * Reads a month file that has passed its schema, checking it against the catalogue and its own
 * name. Returns the month and every problem found; the month is only usable when no problem is
 * an error.
 */
export function readMonthFile(
  document: SourceDocument,
  catalogue: Catalogue,
  nameStem: string,
): { month: MonthReport; problems: Problem[] } {
  const raw = document.data as RawMonth;
  const problems: Problem[] = [];
  const report: ReportProblem = (path, { atKey, severity, ...details }) =>
    problems.push({
      severity: severity ?? "error",
      file: document.file,
      ...(atKey ? document.locateKey(path) : document.locate(path)),
      field: describeField(path, raw),
      ...details,
    });

  if (raw.period !== nameStem) {
    report(["period"], {
      message: "period does not match the file name",
      expected: nameStem,
      found: raw.period,
      hint: `rename the file to ${raw.period} with its extension, or correct the period`,
    });
  }

  const indicatorsById = new Map(
    catalogue.indicators.map((indicator) => [indicator.id, indicator]),
  );
  const indicators = new Map<string, IndicatorReport>();
  for (const [id, rawReport] of Object.entries(raw.indicators)) {
    const indicator = indicatorsById.get(id);
    if (!indicator) {
      const suggestion = closestMatch(id, indicatorsById.keys());
      problems.push({
        severity: "error",
        file: document.file,
        ...document.locateKey(["indicators", id]),
        field: `indicator ${id}`,
        message: `unknown indicator "${id}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"? Indicators are defined in the catalogue`
          : "add the indicator to the catalogue first, or correct the id",
      });
      continue;
    }
    const indicatorReport = readReport(
      rawReport,
      indicator,
      raw.period,
      ["indicators", id],
      report,
    );
    indicators.set(id, indicatorReport);
    checkYearToDate(indicatorReport, indicator, raw.period, ["indicators", id], report);
  }
  checkBreakdownTotals(indicators, catalogue, report);

  const sectionIds = catalogue.sections.map((section) => section.id);
  const commentary = new Map<string, string>();
  for (const [sectionId, text] of Object.entries(raw.commentary ?? {})) {
    if (!sectionIds.includes(sectionId)) {
      const suggestion = closestMatch(sectionId, sectionIds);
      problems.push({
        severity: "error",
        file: document.file,
        ...document.locateKey(["commentary", sectionId]),
        field: `commentary for section ${sectionId}`,
        message: `unknown section "${sectionId}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `sections are ${sectionIds.join(", ")}`,
      });
    }
    commentary.set(sectionId, text);
  }

  const corrections = readCorrections(
    raw.period,
    raw.corrections ?? [],
    indicatorsById,
    indicators,
    report,
  );
  const month: MonthReport = {
    period: raw.period,
    file: document.file,
    commentary,
    indicators,
    corrections,
  };
  if (raw.source !== undefined) month.source = raw.source;
  if (raw.published !== undefined) month.published = raw.published;
  return { month, problems };
}

function readReport(
  raw: RawReport,
  indicator: Indicator,
  period: string,
  path: readonly PathSegment[],
  report: ReportProblem,
): IndicatorReport {
  const { previous, series, breakdown, ...headline } = raw;
  const result: IndicatorReport = { series: [], breakdown: new Map() };

  const current = readObservation(
    headline,
    indicator,
    path,
    report,
    breakdown !== undefined || series !== undefined,
  );
  if (current) result.current = current;
  else if (headline.note !== undefined) result.note = headline.note;
  if (previous !== undefined) {
    const observation = readObservation(previous, indicator, [...path, "previous"], report);
    if (observation) result.previous = observation;
  }
  result.series = readSeries(series ?? [], indicator, period, [...path, "series"], report);
  checkSeriesAgreesWithFigures(result, indicator, period, [...path, "series"], report);
  result.breakdown = readBreakdown(breakdown, indicator, [...path, "breakdown"], report);
  return result;
}

function readSeries(
  entries: readonly (RawObservationFields & { period: string })[],
  indicator: Indicator,
  month: string,
  path: readonly PathSegment[],
  report: ReportProblem,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const entryPath = [...path, index];
    const { period, ...fields } = entry;
    if (!periodKind(period)) {
      report([...entryPath, "period"], {
        message: "invalid period",
        expected:
          "a month (2020-12), a financial quarter (2020/21 Q3) or a financial year (2020/21)",
        found: period,
        hint: "the two digits after the slash are the year the financial year ends, as in 2020/21",
      });
      return;
    }
    if (lastMonthOf(period) > month) {
      report([...entryPath, "period"], {
        message: "period ends after the month this file reports",
        expected: `a period ending in ${month} or earlier`,
        found: period,
        hint: "a month's file can only report figures up to its own month",
      });
    }
    if (seen.has(period)) {
      report([...entryPath, "period"], {
        message: "period listed twice in the series",
        found: period,
        hint: "keep one entry for each period",
      });
    }
    const previousPoint = points[points.length - 1];
    if (previousPoint && comparePeriods(previousPoint.period, period) > 0) {
      report([...entryPath, "period"], {
        message: "series is out of order",
        expected: `a period after ${previousPoint.period}`,
        found: period,
        hint: "list the series oldest first",
      });
    }
    seen.add(period);
    const observation = readObservation(fields, indicator, entryPath, report);
    if (observation) points.push({ period, observation });
  });
  return points;
}

/**
 * Reports a series entry that disagrees with the file's figure for its own month or its previous
 * figure, since both give the same figure twice. A year-to-date indicator is exempt, because its series
 * lists each month's own figure while its headline and previous figures are totals for the year.
 */
function checkSeriesAgreesWithFigures(
  report: IndicatorReport,
  indicator: Indicator,
  month: string,
  path: readonly PathSegment[],
  reportProblem: ReportProblem,
): void {
  if (indicator.cadence === "year-to-date") return;
  const sameMonth: [string, Observation | undefined, string][] = [
    [month, report.current, "the figure for the month"],
    [previousMonth(month), report.previous, "the previous figure"],
  ];
  report.series.forEach((point, index) => {
    for (const [period, figure, name] of sameMonth) {
      if (point.period !== period || !figure || sameFigure(point.observation, figure)) continue;
      reportProblem([...path, index], {
        message: `series entry for ${period} disagrees with ${name}`,
        expected: describeFigure(figure),
        found: describeFigure(point.observation),
        hint: "give the figure once, or make the two agree",
      });
    }
  });
}

function describeFigure(observation: Observation): string {
  if (observation.kind === "value") return String(observation.value);
  return observation.kind === "missing" ? "missing" : `suppressed [${observation.marker}]`;
}

function readBreakdown(
  raw: Record<string, RawObservation> | undefined,
  indicator: Indicator,
  path: readonly PathSegment[],
  report: ReportProblem,
): Map<string, Observation> {
  const breakdown = new Map<string, Observation>();
  if (raw === undefined) return breakdown;
  if (!indicator.breakdown) {
    report(path, {
      message: "this indicator has no breakdown",
      hint: "remove the breakdown, or define its categories in the catalogue",
    });
    return breakdown;
  }
  const categoryIds = indicator.breakdown.categories.map((category) => category.id);
  for (const [categoryId, rawObservation] of Object.entries(raw)) {
    if (!categoryIds.includes(categoryId)) {
      const suggestion = closestMatch(categoryId, categoryIds);
      report([...path, categoryId], {
        atKey: true,
        message: `unknown ${indicator.breakdown.label} "${categoryId}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `the categories are ${categoryIds.join(", ")}`,
      });
      continue;
    }
    const observation = readObservation(rawObservation, indicator, [...path, categoryId], report);
    if (observation) breakdown.set(categoryId, observation);
  }
  return breakdown;
}

/**
 * A breakdown whose categories divide a headline total must add up to it. Missing or suppressed
 * categories never count as zero: then the known categories may only not exceed the total.
 */
function checkBreakdownTotals(
  indicators: ReadonlyMap<string, IndicatorReport>,
  catalogue: Catalogue,
  report: ReportProblem,
): void {
  for (const indicator of catalogue.indicators) {
    const totalOf = indicator.breakdown?.totalOf;
    const breakdown = indicators.get(indicator.id)?.breakdown;
    const total = totalOf ? indicators.get(totalOf)?.current : undefined;
    if (!breakdown || breakdown.size === 0 || !total) continue;

    const known = [...breakdown.values()].filter((observation) => observation.kind === "value");
    const complete = known.length === indicator.breakdown!.categories.length;
    const path = ["indicators", indicator.id, "breakdown"];
    if (total.kind === "suppressed" && complete) {
      report(path, {
        message: `every ${indicator.breakdown!.label} figure is given, which reveals the suppressed ${totalOf}`,
        hint: "suppress at least two categories too, or publish the total",
      });
    }
    if (total.kind !== "value") continue;
    const sum = known.reduce((accumulator, observation) => accumulator + observation.value, 0);
    if (complete && sum !== total.value) {
      report(path, {
        message: `the ${indicator.breakdown!.label} figures do not add up to ${totalOf}`,
        expected: `a total of ${total.value}`,
        found: `${sum}`,
        hint: "check each category against the source; every child is counted in exactly one",
      });
    } else if (!complete && sum > total.value) {
      report(path, {
        message: `the known ${indicator.breakdown!.label} figures already exceed ${totalOf}`,
        expected: `at most ${total.value}`,
        found: `${sum}`,
      });
    }
  }
}

/**
 * Reads the dated corrections. Each names an indicator (and category) from the catalogue. Its `to`
 * figure must be the one the file now gives, so the page and the correction cannot disagree.
 */
function readCorrections(
  month: string,
  rawCorrections: readonly RawCorrection[],
  indicatorsById: ReadonlyMap<string, Indicator>,
  indicators: ReadonlyMap<string, IndicatorReport>,
  report: ReportProblem,
): Correction[] {
  const corrections: Correction[] = [];
  rawCorrections.forEach((raw, index) => {
    const path = ["corrections", index];
    const indicator = indicatorsById.get(raw.indicator);
    if (!indicator) {
      const suggestion = closestMatch(raw.indicator, indicatorsById.keys());
      report([...path, "indicator"], {
        message: `unknown indicator "${raw.indicator}"`,
        hint: suggestion ? `did you mean "${suggestion}"?` : "name an indicator from the catalogue",
      });
      return;
    }
    const categories = indicator.breakdown?.categories.map((category) => category.id) ?? [];
    if (raw.category !== undefined && !categories.includes(raw.category)) {
      report([...path, "category"], {
        message: `unknown category "${raw.category}" of ${indicator.id}`,
        hint:
          categories.length > 0
            ? `the categories are ${categories.join(", ")}`
            : "this indicator has no breakdown",
      });
      return;
    }
    const from = readObservation(raw.from, indicator, [...path, "from"], report);
    const to = readObservation(raw.to, indicator, [...path, "to"], report);
    if (!from || !to) return;
    if (sameFigure(from, to)) {
      report([...path, "to"], {
        message: "the correction changes nothing",
        found: `from and to are both ${describeFigure(to)}`,
        hint: "give the figure as first published in from, and the corrected one in to",
      });
    }
    if (raw.date < `${month}-01`) {
      report([...path, "date"], {
        message: "correction dated before the month it corrects",
        expected: `a date in ${month} or later`,
        found: raw.date,
      });
    }
    const reported = indicators.get(indicator.id);
    const current =
      raw.category === undefined ? reported?.current : reported?.breakdown.get(raw.category);
    if (!sameFigure(current, to)) {
      report([...path, "to"], {
        message: "the corrected figure is not the one this file gives",
        expected: current ? describeFigure(current) : "a figure in this file for the indicator",
        found: describeFigure(to),
        hint: "a correction's 'to' must equal the figure in the file; change both together",
      });
    }
    const correction: Correction = {
      date: raw.date,
      indicator: indicator.id,
      from,
      to,
      reason: raw.reason,
    };
    if (raw.category !== undefined) correction.category = raw.category;
    corrections.push(correction);
  });
  return corrections;
}
