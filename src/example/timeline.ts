import { addMonths, monthRange } from "../model/period.ts";

/**
 * Simulated history kept before the first month file, so the first files already have eight
 * complete quarters behind them and every drifting series has settled.
 */
export const HISTORY_MONTHS = 36;

/**
 * Months over which simulated trends run before they level off: the history and five years.
 * Trends depend on this fixed span, never on the number of months requested, so a shorter run
 * gives the same figures as the start of a longer one.
 */
export const TREND_MONTHS = HISTORY_MONTHS + 60;

/** The months the example data is simulated for: a stretch of history, then the published range. */
export interface Timeline {
  /** Every simulated month, oldest first. */
  months: string[];
  /** Position in `months` of the first month that gets a file. */
  firstIndex: number;
  /** The months from the first file to the last, including any that were never published. */
  range: string[];
}

export function createTimeline(start: string, monthCount: number): Timeline {
  const first = addMonths(start, -HISTORY_MONTHS);
  const last = addMonths(start, monthCount - 1);
  const months = monthRange(first, last);
  return { months, firstIndex: HISTORY_MONTHS, range: months.slice(HISTORY_MONTHS) };
}

/** Returns the position of a month in the timeline. Throws when the month was not simulated. */
export function indexOfMonth(timeline: Timeline, month: string): number {
  const index = timeline.months.indexOf(month);
  if (index < 0) throw new Error(`month ${month} is outside the simulated timeline`);
  return index;
}
