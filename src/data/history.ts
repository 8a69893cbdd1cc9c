import { formatMonth, previousMonth } from "../model/period.ts";
import type {
  Catalogue,
  Indicator,
  IndicatorReport,
  MonthReport,
  Observation,
} from "../model/types.ts";
import { describeField } from "./field-names.ts";
import type { Problem } from "./problems.ts";
import type { PathSegment, SourceDocument } from "./source-document.ts";

/** A figure this many times last month's, or this fraction of it, is far outside its history. */
const FAR_RATIO = 10;

interface Reference {
  observation: Observation;
  /** Where last month's figure was found, in words: "in 2020-12.yaml". */
  source: string;
}

/**
 * Compares a month's figures with last month's and returns warnings, never errors: a figure at
 * least ten times last month's or at most a tenth of it, unless the figure carries a note. Last
 * month's figure is this file's `previous` figure when it gives one, because that revises the
 * earlier file. Otherwise it comes from the previous month's file, else from this file's series
 * entry for that month.
 */
export function checkAgainstHistory(
  month: MonthReport,
  document: SourceDocument,
  previousFile: { month: MonthReport; file: string } | undefined,
  catalogue: Catalogue,
): Problem[] {
  const problems: Problem[] = [];
  const lastMonth = previousMonth(month.period);
  const warn = (
    path: PathSegment[],
    details: Pick<Problem, "message" | "expected" | "found" | "hint">,
  ) =>
    problems.push({
      severity: "warning",
      file: document.file,
      ...document.locate(path),
      field: describeField(path, document.data),
      ...details,
    });

  for (const indicator of catalogue.indicators) {
    const report = month.indicators.get(indicator.id);
    if (!report) continue;
    const path = ["indicators", indicator.id];
    const earlier = previousFile?.month.indicators.get(indicator.id);
    const fileSource = previousFile ? `in ${baseName(previousFile.file)}` : "";

    // A year-to-date figure starts again in April, so March's total is no guide to April's.
    if (indicator.cadence === "year-to-date" && month.period.endsWith("-04")) continue;

    const headlineReference =
      report.previous || !earlier?.current
        ? referenceInFile(report, indicator, lastMonth)
        : { observation: earlier.current, source: fileSource };
    checkFigure(report.current, headlineReference, [...path, "value"], lastMonth, warn);

    for (const [categoryId, observation] of report.breakdown) {
      const earlierCategory = earlier?.breakdown.get(categoryId);
      const reference = earlierCategory
        ? { observation: earlierCategory, source: fileSource }
        : undefined;
      checkFigure(
        observation,
        reference,
        [...path, "breakdown", categoryId, "value"],
        lastMonth,
        warn,
      );
    }
  }
  return problems;
}

/** Last month's headline figure as this file gives it: its `previous`, else its series entry. */
function referenceInFile(
  report: IndicatorReport,
  indicator: Indicator,
  lastMonth: string,
): Reference | undefined {
  if (report.previous)
    return { observation: report.previous, source: "in this file's previous figure" };
  // The series of a year-to-date indicator lists each month's own figure, not the year to date.
  if (indicator.cadence === "year-to-date") return undefined;
  const point = report.series.find((entry) => entry.period === lastMonth);
  return point ? { observation: point.observation, source: "in this file's series" } : undefined;
}

// NOTE: small counts trip the ratio easily (1 child one month, 12 the next); the note that
// silences the warning is the intended answer, not a higher threshold.
function checkFigure(
  current: Observation | undefined,
  reference: Reference | undefined,
  path: PathSegment[],
  lastMonth: string,
  warn: (path: PathSegment[], details: Pick<Problem, "message" | "found" | "hint">) => void,
): void {
  if (current?.kind !== "value" || current.note !== undefined) return;
  const earlier = reference?.observation;
  if (earlier?.kind !== "value" || earlier.value === 0) return;
  const ratio = current.value / earlier.value;
  const found = `${current.value}, against ${earlier.value} for ${formatMonth(lastMonth)} ${reference!.source}`;
  const hint =
    "check the figure against the source; if it is right, add a note on this value saying why, " +
    "and the warning stops";
  if (ratio >= FAR_RATIO) {
    warn(path, { message: "figure is at least ten times last month's", found, hint });
  } else if (ratio <= 1 / FAR_RATIO) {
    warn(path, { message: "figure is at most a tenth of last month's", found, hint });
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop()!;
}
