import {
  formatYearToDate,
  monthsOfQuarter,
  periodKind,
  yearToDateMonths,
} from "../model/period.ts";
import type { Indicator, IndicatorReport, SeriesPoint } from "../model/types.ts";
import type { ReportProblem } from "./observations.ts";
import type { PathSegment } from "./source-document.ts";

/**
 * Checks a year-to-date figure against the months (or financial quarters) of the same financial
 * year listed in its series. A percentage must equal the sum of the numerators over the sum of the
 * denominators, and a count must equal the sum of the counts. The check runs only when the series
 * covers every month from April to the file's month with known figures (numerators and
 * denominators for a percentage). A missing or suppressed period, or a series of percentages
 * alone, cannot be checked and is passed over in silence.
 */
export function checkYearToDate(
  report: IndicatorReport | undefined,
  indicator: Indicator,
  period: string,
  path: readonly PathSegment[],
  reportProblem: ReportProblem,
): void {
  const current = report?.current;
  if (indicator.cadence !== "year-to-date" || current?.kind !== "value") return;
  if (indicator.unit !== "percent" && indicator.unit !== "count") return;

  const parts = coveringPoints(report!.series, period);
  if (!parts) return;
  const span = formatYearToDate(period);
  const values = parts.points.map((point) => point.observation);
  if (!values.every((observation) => observation.kind === "value")) return;

  if (indicator.unit === "count") {
    const sum = values.reduce((total, observation) => total + observation.value, 0);
    if (sum !== current.value) {
      reportProblem([...path, "value"], {
        message: `year-to-date figure is not the sum of its ${parts.kind}s`,
        expected: `${sum} (the sum for ${span})`,
        found: String(current.value),
        hint: `check the year-to-date figure and each ${parts.kind} in the series against the source`,
      });
    }
    return;
  }

  if (!values.every((o) => o.numerator !== undefined && o.denominator !== undefined)) return;
  const numerator = values.reduce((total, observation) => total + observation.numerator!, 0);
  const denominator = values.reduce((total, observation) => total + observation.denominator!, 0);
  if (current.numerator !== undefined && current.numerator !== numerator) {
    reportProblem([...path, "numerator"], {
      message: `year-to-date numerator is not the sum of its ${parts.kind}s`,
      expected: `${numerator} (the sum for ${span})`,
      found: String(current.numerator),
    });
  }
  if (current.denominator !== undefined && current.denominator !== denominator) {
    reportProblem([...path, "denominator"], {
      message: `year-to-date denominator is not the sum of its ${parts.kind}s`,
      expected: `${denominator} (the sum for ${span})`,
      found: String(current.denominator),
    });
  }
  const computed = (100 * numerator) / denominator;
  const allowed = 0.5 * 10 ** -indicator.decimals + 1e-9;
  if (Math.abs(computed - current.value) > allowed) {
    reportProblem([...path, "value"], {
      message: `year-to-date percentage does not agree with its ${parts.kind}s`,
      expected: `${computed.toFixed(indicator.decimals)} (${numerator} of ${denominator}, ${span})`,
      found: String(current.value),
      hint:
        "the year to date is the sum of the numerators over the sum of the denominators, " +
        "not the average of the monthly percentages",
    });
  }
}

/**
 * Returns the series points that cover every month of the financial year to date exactly once:
 * the months when all are listed, else the quarters when they cover it. Undefined when neither does.
 */
function coveringPoints(
  series: readonly SeriesPoint[],
  period: string,
): { kind: "month" | "quarter"; points: SeriesPoint[] } | undefined {
  const months = yearToDateMonths(period);
  const monthPoints = firstOfEachPeriod(series.filter((point) => months.includes(point.period)));
  if (monthPoints.length === months.length) return { kind: "month", points: monthPoints };

  const quarterPoints = firstOfEachPeriod(
    series.filter(
      (point) =>
        periodKind(point.period) === "quarter" &&
        monthsOfQuarter(point.period).every((month) => months.includes(month)),
    ),
  );
  if (quarterPoints.length * 3 === months.length) return { kind: "quarter", points: quarterPoints };
  return undefined;
}

/** Keeps the first entry of each period, because a period listed twice is already reported. */
function firstOfEachPeriod(points: readonly SeriesPoint[]): SeriesPoint[] {
  const seen = new Set<string>();
  return points.filter((point) => !seen.has(point.period) && seen.add(point.period));
}
