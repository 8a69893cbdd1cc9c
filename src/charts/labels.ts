import { formatMonthShort, periodKind } from "../model/period.ts";

/** Returns a short period label for a table row or summary: "Dec 2020", "Q3 2020/21", "2020/21". */
export function shortPeriodLabel(period: string): string {
  switch (periodKind(period)) {
    case "month":
      return formatMonthShort(period);
    case "quarter":
      return `${period.slice(8)} ${period.slice(0, 7)}`;
    default:
      return period;
  }
}

/** Estimates the width in pixels of axis text at Plot's 10px font, for margins. */
export function estimateTextWidth(text: string): number {
  return Math.ceil(text.length * 5.6);
}

/** Returns an axis label for a period, on two lines for quarters so that neighbouring labels do not overlap. */
export function axisPeriodLabel(label: string): string {
  return /^Q[1-4] /.test(label) ? label.replace(" ", "\n") : label;
}
