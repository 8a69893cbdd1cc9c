import type { Rating } from "../rules/rag.ts";
import type { MonthView } from "./month-view.ts";
import type { IndicatorView } from "./indicator-view.ts";

export interface MonthSummary {
  /** How many indicators were rated Strong, Acceptable and Poor. */
  ratings: Record<Rating, number>;
  unrated: number;
  /** The indicators of the headline section, first in the catalogue. */
  headline: IndicatorView[];
}

/** Counts a month's ratings and picks its headline figures, for the archive and home page. */
export function summariseMonth(view: MonthView): MonthSummary {
  const ratings: Record<Rating, number> = { Strong: 0, Acceptable: 0, Poor: 0 };
  let unrated = 0;
  for (const section of view.sections) {
    for (const indicator of section.indicators) {
      if (indicator.rating.rating) ratings[indicator.rating.rating]++;
      else if (indicator.target) unrated++;
    }
  }
  return { ratings, unrated, headline: view.sections[0]?.indicators ?? [] };
}
