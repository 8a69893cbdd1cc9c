import type { Rating } from "../rules/rag.ts";
import type { MonthView } from "./month-view.ts";
import type { IndicatorView } from "./indicator-view.ts";

export interface MonthSummary {
  /** The titles of the indicators given each rating, in the scorecard's order. */
  titlesByRating: Record<Rating, string[]>;
  /** How many indicators were rated Strong, Acceptable and Poor. */
  ratings: Record<Rating, number>;
  unrated: number;
  /** The indicators of the headline section, first in the catalogue. */
  headline: IndicatorView[];
}

/** Counts a month's ratings and picks its headline figures, for the archive and home page. */
export function summariseMonth(view: MonthView): MonthSummary {
  const ratings: Record<Rating, number> = { Strong: 0, Acceptable: 0, Poor: 0 };
  const titlesByRating: Record<Rating, string[]> = { Strong: [], Acceptable: [], Poor: [] };
  let unrated = 0;
  for (const section of view.sections) {
    for (const indicator of section.indicators) {
      if (indicator.rating.rating) {
        ratings[indicator.rating.rating]++;
        titlesByRating[indicator.rating.rating].push(indicator.indicator.title);
      } else if (indicator.target) unrated++;
    }
  }
  return { titlesByRating, ratings, unrated, headline: view.sections[0]?.indicators ?? [] };
}

/** Describes a month's ratings in one sentence: "Of the 11 indicators with a target, 4 were rated Strong, …". */
export function describeRatings(summary: MonthSummary): string {
  const { Strong, Acceptable, Poor } = summary.ratings;
  const withTarget = Strong + Acceptable + Poor + summary.unrated;
  const noun = withTarget === 1 ? "indicator" : "indicators";
  const verb = Strong === 1 ? "was" : "were";
  const unrated =
    summary.unrated === 1 ? "1 could not be rated" : `${summary.unrated} could not be rated`;
  return `Of the ${withTarget} ${noun} with a target this month, ${Strong} ${verb} rated Strong, ${Acceptable} Acceptable and ${Poor} Poor; ${unrated}.`;
}
