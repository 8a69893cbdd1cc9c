import { addMonths, parseMonth } from "../model/period.ts";
import type { Catalogue } from "../model/types.ts";
import type { Fraction } from "./fractions.ts";
import type { Timeline } from "./timeline.ts";

/**
 * The events that make the example data exercise an archive: a month never published, a silent
 * revision, a dated correction, missing figures and figures that carry last month's values.
 * Each sits a fixed number of months after the first month. An event that falls outside the
 * range requested is left out.
 */
export interface Scenario {
  /** A month inside the range that has no file, because no scorecard was published for it. */
  unpublished?: string;
  revision?: Revision;
  correction?: Correction;
  missing: MissingFigure[];
  /** Months whose file also gives the previous month's figure for every headline indicator. */
  withPrevious: string[];
  /** Breakdowns whose counts of one or two children are suppressed. */
  suppressedBreakdowns: string[];
}

/**
 * A later file whose series gives a different figure for an earlier month than that month's own
 * file did, with no correction note: late-recorded reviews raise the month's numerator.
 */
export interface Revision {
  indicator: string;
  /** The month whose figure changed. */
  month: string;
  /** The first file that gives the changed figure. Later files in the same year give it too. */
  revisedIn: string;
}

/** A file that gives a corrected figure for its own month and records the change with a date. */
export interface Correction {
  indicator: string;
  month: string;
  /** The date the correction was made, as YYYY-MM-DD. */
  date: string;
  /** Amount the correction adds to the figure as first published. */
  added: number;
  reason: string;
}

export interface MissingFigure {
  indicator: string;
  month: string;
  /** Set when a single category of a breakdown is missing. */
  category?: string;
  reason: string;
}

const UNPUBLISHED_OFFSET = 16;
const REVISION_OFFSET = 22;
const CORRECTION_OFFSET = 38;
const CARE_LEAVERS_MISSING_OFFSET = 29;
const AGE_GROUP_MISSING_OFFSET = 44;

const REVISED_INDICATOR = "reviews-on-time";
const CORRECTED_INDICATOR = "missing-episodes";
const CORRECTION_ADDED = 6;

/** Places the scenario's events in the range, leaving out any whose indicator or month is absent. */
export function planScenario(timeline: Timeline, catalogue: Catalogue): Scenario {
  const range = timeline.range;
  const has = (id: string) => catalogue.indicators.some((indicator) => indicator.id === id);
  const hasCategory = (id: string, category: string) =>
    catalogue.indicators.some(
      (indicator) =>
        indicator.id === id &&
        (indicator.breakdown?.categories ?? []).some((entry) => entry.id === category),
    );

  // The unpublished month needs a published month on each side to be a gap inside the range.
  const unpublished = UNPUBLISHED_OFFSET < range.length - 1 ? range[UNPUBLISHED_OFFSET] : undefined;
  const published = (month: string | undefined): month is string =>
    month !== undefined && month !== unpublished && range.includes(month);

  const scenario: Scenario = {
    missing: [],
    withPrevious: [],
    suppressedBreakdowns: has("placement-type") ? ["placement-type"] : [],
  };
  if (unpublished) scenario.unpublished = unpublished;

  const revision = planRevision(range, published);
  if (revision && has(REVISED_INDICATOR)) scenario.revision = revision;

  const corrected = range[CORRECTION_OFFSET];
  if (published(corrected) && has(CORRECTED_INDICATOR)) {
    scenario.correction = {
      indicator: CORRECTED_INDICATOR,
      month: corrected,
      // A fixed day two months on is always after the month's scorecard was published.
      date: `${addMonths(corrected, 2)}-05`,
      added: CORRECTION_ADDED,
      reason:
        "Six missing episodes in the month were reported late by the police and were added after " +
        "the scorecard was published.",
    };
  }

  for (const month of range) {
    if (parseMonth(month).month === 8 && has("personal-education-plans")) {
      scenario.missing.push({
        indicator: "personal-education-plans",
        month,
        reason:
          "Personal Education Plans are not reviewed during the school summer holiday. The " +
          "figure returns in September.",
      });
    }
  }
  const systemMove = range[CARE_LEAVERS_MISSING_OFFSET];
  if (published(systemMove)) {
    for (const indicator of ["care-leavers-in-touch", "care-leavers-suitable-accommodation"]) {
      if (!has(indicator)) continue;
      scenario.missing.push({
        indicator,
        month: systemMove,
        reason: "The care leavers' records were being moved to a new case management system.",
      });
    }
  }
  const ageCheck = range[AGE_GROUP_MISSING_OFFSET];
  if (published(ageCheck) && hasCategory("age-group", "16-and-over")) {
    scenario.missing.push({
      indicator: "age-group",
      month: ageCheck,
      category: "16-and-over",
      reason: "Dates of birth of some young people aged 16 and over were being checked.",
    });
  }

  // The first file and the file after the unpublished month give last month's figures, so
  // each can show a change from last month although no file before it has one.
  scenario.withPrevious.push(range[0]!);
  if (unpublished) scenario.withPrevious.push(addMonths(unpublished, 1));
  return scenario;
}

/**
 * Picks the first file at or after the revision offset that revises the month before it in the
 * same financial year, so both figures appear in the same year-to-date series.
 */
function planRevision(
  range: readonly string[],
  published: (month: string | undefined) => month is string,
): Revision | undefined {
  for (let offset = REVISION_OFFSET; offset < range.length; offset += 1) {
    const revisedIn = range[offset]!;
    const month = addMonths(revisedIn, -1);
    if (parseMonth(revisedIn).month === 4) continue;
    if (published(revisedIn) && published(month)) {
      return { indicator: REVISED_INDICATOR, month, revisedIn };
    }
  }
  return undefined;
}

/**
 * Returns a month's fraction as the file for `knownAt` gives it. Once revised, reviews recorded
 * late count as held on time. When every review was already on time, two reviews that had been
 * left out are added as late instead, so the figure still changes.
 */
export function fractionKnownAt(
  scenario: Scenario,
  indicator: string,
  month: string,
  knownAt: string,
  fraction: Fraction,
): Fraction {
  const revision = scenario.revision;
  if (!revision || revision.indicator !== indicator || revision.month !== month) return fraction;
  if (knownAt < revision.revisedIn) return fraction;
  const lateOnTime = Math.min(3, fraction.denominator - fraction.numerator);
  if (lateOnTime > 0) return { ...fraction, numerator: fraction.numerator + lateOnTime };
  return { ...fraction, denominator: fraction.denominator + 2 };
}

/** Describes where the scenario's events fell, one line each, for the command's output. */
export function describeScenario(scenario: Scenario): string[] {
  const absent = "none (the range is too short, or the catalogue lacks the indicator)";
  const { unpublished, revision, correction } = scenario;
  return [
    `never published: ${unpublished ?? absent}`,
    `silent revision: ${
      revision
        ? `${revision.indicator} for ${revision.month}, changed in ${revision.revisedIn}.yaml`
        : absent
    }`,
    `dated correction: ${
      correction
        ? `${correction.indicator} in ${correction.month}.yaml, made ${correction.date}`
        : absent
    }`,
  ];
}
