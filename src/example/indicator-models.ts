import {
  breakdownOfTotal,
  countedFractions,
  monthCount,
  numbers,
  snapshotPercent,
  wander,
  yearToDate,
} from "./model-helpers.ts";
import {
  addLevels,
  constantLevel,
  dipLevel,
  linearLevel,
  meanReverting,
  seasonalLevel,
} from "./shapes.ts";
import type { IndicatorModel, ModelContext, SimulatedIndicator } from "./simulation.ts";
import { TREND_MONTHS } from "./timeline.ts";

/**
 * Simulation models of the catalogue's indicators, by indicator id. Levels and spreads are
 * plausible for a county council with about 500 children in care. None is a real council's.
 */
export const INDICATOR_MODELS: Record<string, IndicatorModel> = {
  "children-in-care": (context) => numbers(context, context.population.childrenInCare),

  "reviews-on-time": (context) => {
    const { childrenInCare, entered } = context.population;
    // Each child is reviewed every six months, and a new child twice in the first four months.
    const noise = context.stream("due");
    const due = childrenInCare.map((children, index) =>
      Math.max(1, Math.round(children / 6 + 1.5 * entered[index]! + 4 * noise.normal())),
    );
    const rates = wander(context, "rate", {
      level: constantLevel(0.965),
      volatility: 0.008,
      maximum: 1,
    });
    return yearToDate(countedFractions(context, "met", due, rates), false);
  },

  "statutory-visits-on-time": (context) => {
    // A child in care is visited at least every six weeks, so most months see a visit due.
    const noise = context.stream("due");
    const due = context.population.childrenInCare.map((children) =>
      Math.max(1, Math.round(0.72 * children + 8 * noise.normal())),
    );
    const rates = wander(context, "rate", {
      level: constantLevel(0.955),
      volatility: 0.006,
      maximum: 0.995,
    });
    return yearToDate(countedFractions(context, "met", due, rates), false);
  },

  "social-workers": (context) =>
    teamBreakdown(context, (team) => context.workforce.staff.get(team)!),

  "average-caseload": (context) =>
    teamBreakdown(context, (team) => context.workforce.caseload.get(team)!),

  "three-plus-placements": (context) =>
    snapshotPercent(
      context.population.childrenInCare,
      wander(context, "rate", {
        level: linearLevel(0.098, 0.086, TREND_MONTHS),
        volatility: 0.003,
      }),
    ),

  "long-term-stability": (context) =>
    snapshotPercent(
      context.population.longTermUnder16,
      wander(context, "rate", { level: linearLevel(0.65, 0.71, TREND_MONTHS), volatility: 0.008 }),
    ),

  "legal-status": (context) =>
    breakdownOfTotal(context, {
      "full-care-order": 0.57,
      "interim-care-order": 0.16,
      "voluntary-agreement": 0.17,
      "placement-order": 0.09,
      other: 0.01,
    }),

  "time-in-care": (context) =>
    breakdownOfTotal(context, {
      "up-to-6-months": 0.2,
      "7-to-12-months": 0.13,
      "1-to-2-years": 0.22,
      "3-to-5-years": 0.25,
      "6-to-10-years": 0.15,
      "11-to-15-years": 0.05,
    }),

  "placement-type": (context) =>
    breakdownOfTotal(context, {
      "foster-in-house": 0.36,
      "foster-external": 0.26,
      kinship: 0.14,
      "placed-for-adoption": 0.035,
      "placed-with-parents": 0.05,
      residential: 0.09,
      "residential-schools": 0.012,
      "semi-independent": 0.04,
      "secure-unit": 0.003,
      other: 0.006,
    }),

  "age-group": (context) =>
    breakdownOfTotal(context, {
      "under-1": 0.05,
      "1-to-4": 0.13,
      "5-to-9": 0.18,
      "10-to-15": 0.39,
      "16-and-over": 0.25,
    }),

  "children-missing": (context) => numbers(context, childrenMissing(context)),

  "missing-episodes": (context) => {
    // Episodes come from the same children as children-missing, so they are drawn from the
    // same stream: a child who went missing had one episode or more.
    const children = childrenMissing(context);
    const repeatDraws = context.stream("repeats");
    const repeats = children.map((count) => repeatDraws.binomial(4 * count, 0.36));
    return numbers(
      context,
      children.map((count, index) => count + repeats[index]!),
    );
  },

  "personal-education-plans": (context) =>
    snapshotPercent(
      context.population.schoolAged,
      wander(context, "rate", {
        level: linearLevel(0.955, 0.975, TREND_MONTHS),
        volatility: 0.005,
        maximum: 1,
      }),
    ),

  "good-or-outstanding-schools": (context) =>
    snapshotPercent(
      context.population.schoolAged,
      wander(context, "rate", { level: linearLevel(0.76, 0.81, TREND_MONTHS), volatility: 0.005 }),
    ),

  "initial-health-assessments": (context) => {
    // An improving service: from under half on time to most, with large swings because only
    // about twenty children come into care in a month.
    const rates = wander(context, "rate", {
      level: linearLevel(0.4, 0.88, TREND_MONTHS),
      volatility: 0.04,
      reversion: 0.3,
      maximum: 0.99,
    });
    return yearToDate(countedFractions(context, "met", context.population.entered, rates), true);
  },

  "annual-health-assessments": (context) =>
    snapshotPercent(
      context.population.inCareTwelveMonthsOrMore,
      wander(context, "rate", { level: constantLevel(0.885), volatility: 0.008, maximum: 0.99 }),
    ),

  "dental-checks": (context) => {
    // Dental surgeries close for some months a year after the first file, and the share of
    // children with an up-to-date check falls sharply and takes eighteen months to recover.
    const closure = dipLevel({
      start: context.timeline.firstIndex + 12,
      depth: 0.5,
      fallMonths: 3,
      recoveryMonths: 18,
    });
    const rates = wander(context, "rate", {
      level: addLevels(constantLevel(0.82), closure),
      volatility: 0.01,
      reversion: 0.5,
      maximum: 0.98,
    });
    return snapshotPercent(context.population.inCareTwelveMonthsOrMore, rates);
  },

  adopted: (context) => {
    const { left, adopted } = context.population;
    return yearToDate(
      left.map((leavers, index) => ({ numerator: adopted[index]!, denominator: leavers })),
      false,
    );
  },

  "days-entry-to-adoptive-placement": (context) =>
    numbers(
      context,
      wander(context, "rate", {
        level: linearLevel(470, 405, TREND_MONTHS),
        volatility: 6,
        reversion: 0.1,
      }),
    ),

  "days-placement-order-to-match": (context) =>
    numbers(
      context,
      wander(context, "rate", {
        level: linearLevel(205, 150, TREND_MONTHS),
        volatility: 3,
        reversion: 0.1,
      }),
    ),

  "care-leavers-in-touch": (context) =>
    snapshotPercent(
      context.population.careLeavers,
      wander(context, "rate", {
        level: linearLevel(0.9, 0.955, TREND_MONTHS),
        volatility: 0.007,
        maximum: 1,
      }),
    ),

  "care-leavers-suitable-accommodation": (context) =>
    snapshotPercent(
      context.population.careLeavers,
      wander(context, "rate", { level: constantLevel(0.885), volatility: 0.007, maximum: 1 }),
    ),
};

function teamBreakdown(
  context: ModelContext,
  seriesOf: (team: string) => number[],
): SimulatedIndicator {
  const categoryIds = (context.indicator.breakdown?.categories ?? []).map(
    (category) => category.id,
  );
  const columns = categoryIds.map(seriesOf);
  const counts = context.timeline.months.map((_month, index) =>
    columns.map((column) => column[index]!),
  );
  return { shape: "breakdown", categoryIds, counts };
}

/** Children who went missing, with more in the summer holidays, from a stream shared by both. */
function childrenMissing(context: ModelContext): number[] {
  const random = context.sharedStream("missing children");
  const summer = seasonalLevel(
    context.timeline.months,
    [0, 0, 0, 0, 0, 0, 0.008, 0.01, 0, 0, 0, 0],
  );
  const rates = meanReverting(context.sharedStream("missing rate"), {
    length: monthCount(context),
    level: addLevels(constantLevel(0.042), summer),
    reversion: 0.4,
    volatility: 0.003,
    minimum: 0.01,
  });
  return context.population.childrenInCare.map((children, index) =>
    random.binomial(children, rates[index]!),
  );
}
