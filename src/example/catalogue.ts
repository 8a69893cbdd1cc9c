import type { Catalogue, Indicator, Target } from "../model/types.ts";
import { GENERIC_LEVELS } from "./generic-model.ts";

/** An example target, set from the April a number of financial years into the range. */
interface ExampleTarget {
  /** 0 is the financial year of the first month file, 1 the year after, and so on. */
  year: number;
  value: number;
  note?: string;
}

interface ExampleSettings {
  tolerance: number;
  smallBase?: number;
  targets: ExampleTarget[];
  note?: string;
}

/**
 * Targets and tolerances of the fictional council, for every indicator that has a polarity.
 * They are set so the simulated figures earn a mix of Strong, Acceptable and Poor ratings.
 */
export const EXAMPLE_SETTINGS: Record<string, ExampleSettings> = {
  "children-in-care": { tolerance: 25, targets: [{ year: 0, value: 500 }] },
  "reviews-on-time": {
    tolerance: 2,
    targets: [
      { year: 0, value: 95 },
      {
        year: 3,
        value: 97,
        note: "Raised from 95% in the children's services plan agreed for the year.",
      },
    ],
  },
  "statutory-visits-on-time": { tolerance: 3, targets: [{ year: 0, value: 95 }] },
  "average-caseload": {
    tolerance: 2,
    targets: [{ year: 0, value: 18 }],
    note:
      "The target is for teams of qualified social workers. Independent Reviewing Officers " +
      "hold many more cases by design, so their caseload is read against its own history.",
  },
  "three-plus-placements": { tolerance: 1, targets: [{ year: 0, value: 10 }] },
  "long-term-stability": { tolerance: 5, targets: [{ year: 0, value: 70 }] },
  "children-missing": { tolerance: 3, targets: [{ year: 0, value: 20 }] },
  "missing-episodes": { tolerance: 8, targets: [{ year: 0, value: 55 }] },
  "personal-education-plans": { tolerance: 2, targets: [{ year: 0, value: 97 }] },
  "good-or-outstanding-schools": { tolerance: 5, targets: [{ year: 0, value: 80 }] },
  "initial-health-assessments": {
    tolerance: 10,
    smallBase: 10,
    targets: [
      { year: 0, value: 80 },
      {
        year: 2,
        value: 90,
        note: "Raised from 80% when the health partnership agreed to offer appointments sooner.",
      },
    ],
  },
  "annual-health-assessments": { tolerance: 5, targets: [{ year: 0, value: 90 }] },
  "dental-checks": { tolerance: 5, targets: [{ year: 0, value: 85 }] },
  adopted: { tolerance: 3, smallBase: 10, targets: [{ year: 0, value: 17 }] },
  "days-entry-to-adoptive-placement": { tolerance: 40, targets: [{ year: 0, value: 426 }] },
  "days-placement-order-to-match": { tolerance: 15, targets: [{ year: 0, value: 160 }] },
  "care-leavers-in-touch": { tolerance: 5, targets: [{ year: 0, value: 95 }] },
  "care-leavers-suitable-accommodation": { tolerance: 5, targets: [{ year: 0, value: 90 }] },
};

/** Keys written first, in this order. Any other key of the real catalogue follows them. */
const KEY_ORDER = [
  "id",
  "title",
  "section",
  "unit",
  "polarity",
  "cadence",
  "decimals",
  "definition",
  "numerator",
  "denominator",
  "tolerance",
  "smallBase",
  "targets",
  "breakdown",
  "note",
];

/**
 * Builds the fictional council's catalogue from the real one: the same sections, definitions
 * and breakdowns, with this council's own targets and tolerances. The real catalogue's notes
 * describe the real council's source and are left out.
 */
export function buildExampleCatalogue(base: Catalogue, firstYear: number): Record<string, unknown> {
  return {
    sections: base.sections.map((section) => ({ ...section })),
    indicators: base.indicators.map((indicator) => exampleIndicator(indicator, firstYear)),
  };
}

function exampleIndicator(indicator: Indicator, firstYear: number): Record<string, unknown> {
  const {
    note: _realNote,
    tolerance: _realTolerance,
    smallBase: _realSmallBase,
    ...rest
  } = indicator;
  const entry: Record<string, unknown> = { ...rest, targets: [] };
  if (indicator.polarity !== "none") {
    const settings = EXAMPLE_SETTINGS[indicator.id] ?? genericSettings(indicator);
    entry.tolerance = settings.tolerance;
    if (settings.smallBase !== undefined) entry.smallBase = settings.smallBase;
    entry.targets = settings.targets.map((target) => exampleTarget(target, firstYear));
    if (settings.note !== undefined) entry.note = settings.note;
  }
  return inKeyOrder(entry);
}

/** Returns settings for an indicator added to the real catalogue after these were written. */
function genericSettings(indicator: Indicator): ExampleSettings {
  const level = GENERIC_LEVELS[indicator.unit];
  return { tolerance: 0.05 * level, targets: [{ year: 0, value: level }] };
}

function exampleTarget(target: ExampleTarget, firstYear: number): Target {
  const written: Target = { from: `${firstYear + target.year}-04`, value: target.value };
  if (target.note !== undefined) written.note = target.note;
  return written;
}

function inKeyOrder(entry: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (entry[key] !== undefined) ordered[key] = entry[key];
  for (const [key, value] of Object.entries(entry)) {
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  }
  return ordered;
}
