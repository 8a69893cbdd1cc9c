import { previousMonth } from "../model/period.ts";
import { formatDate } from "../rules/format.ts";
import type { MonthReport } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";

export interface MonthNavigation {
  /** The published month before this one, if any, and whether months in between went unpublished. */
  previous: MonthReport | undefined;
  next: MonthReport | undefined;
  latest: MonthReport;
  isLatest: boolean;
}

/** Finds the months around a month, for links between them. */
export function navigateFrom(dataset: Dataset, period: string): MonthNavigation {
  const months = dataset.months;
  const index = months.findIndex((month) => month.period === period);
  const latest = months[months.length - 1]!;
  return {
    previous: index > 0 ? months[index - 1] : undefined,
    next: index >= 0 && index < months.length - 1 ? months[index + 1] : undefined,
    latest,
    isLatest: latest.period === period,
  };
}

/** Lists every month from the first published to the latest, naming those never published. */
export function archiveMonths(
  dataset: Dataset,
): { period: string; month: MonthReport | undefined }[] {
  const byPeriod = new Map(dataset.months.map((month) => [month.period, month]));
  const first = dataset.months[0]?.period;
  const last = dataset.months[dataset.months.length - 1]?.period;
  if (!first || !last) return [];
  const all: { period: string; month: MonthReport | undefined }[] = [];
  for (let period = last; period >= first; period = previousMonth(period)) {
    all.push({ period, month: byPeriod.get(period) });
  }
  return all;
}

/** Describes when a month's scorecard was published, saying so when its file records no date. */
export function publicationText(month: MonthReport): string {
  return month.published ? formatDate(month.published) : "Date not recorded";
}
