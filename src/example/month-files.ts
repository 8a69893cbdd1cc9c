import {
  addMonths,
  comparePeriods,
  financialQuarterOf,
  monthsOfQuarter,
  parseMonth,
  yearToDateMonths,
} from "../model/period.ts";
import type { Catalogue, Indicator, SuppressionMarker } from "../model/types.ts";
import { writeCommentary } from "./commentary.ts";
import { addFractions, percentFigure, type Fraction } from "./fractions.ts";
import { createRandom } from "./random.ts";
import { fractionKnownAt, type Scenario } from "./scenario.ts";
import type { Simulation } from "./simulate.ts";
import type { SimulatedIndicator } from "./simulation.ts";
import { CONFIDENTIAL, cellsToSuppress } from "./suppression.ts";
import { indexOfMonth } from "./timeline.ts";

/** A figure as a month file writes it: known, missing with a reason, or suppressed. */
export interface WrittenFigure {
  value?: number;
  numerator?: number;
  denominator?: number;
  missing?: string;
  suppressed?: SuppressionMarker;
}

export type WrittenCell = number | WrittenFigure;

export type WrittenSeriesPoint = { period: string } & WrittenFigure;

export interface WrittenReport extends WrittenFigure {
  previous?: WrittenFigure;
  series?: WrittenSeriesPoint[];
  breakdown?: Record<string, WrittenCell>;
}

export interface WrittenCorrection {
  date: string;
  indicator: string;
  from: WrittenCell;
  to: WrittenCell;
  reason: string;
}

/** A month file's content, with its keys in the order they are written. */
export interface WrittenMonth {
  period: string;
  published: string;
  source: string;
  corrections?: WrittenCorrection[];
  indicators: Record<string, WrittenReport>;
  commentary?: Record<string, string>;
}

export interface MonthContext {
  catalogue: Catalogue;
  simulation: Simulation;
  scenario: Scenario;
  seed: string;
}

/** Quarterly series give the eight latest complete financial quarters, as data/2020-12.yaml does. */
const QUARTERS_SHOWN = 8;

export function buildMonthFile(month: string, context: MonthContext): WrittenMonth {
  const { catalogue, scenario } = context;
  const indicators: Record<string, WrittenReport> = {};
  for (const indicator of catalogue.indicators) {
    indicators[indicator.id] = buildReport(indicator, month, context);
  }

  const correction = scenario.correction;
  const corrections: WrittenCorrection[] = [];
  if (correction && correction.month === month) {
    const corrected = indicators[correction.indicator]!.value!;
    corrections.push({
      date: correction.date,
      indicator: correction.indicator,
      from: corrected - correction.added,
      to: corrected,
      reason: correction.reason,
    });
  }
  const written: WrittenMonth = {
    period: month,
    published: publicationDate(month, context.seed),
    source:
      `Fictional example data made by the example data generator with seed "${context.seed}". ` +
      "Northdale County Council does not exist, and no figure describes a real child.",
    ...(corrections.length > 0 ? { corrections } : {}),
    indicators,
  };

  const commentary = writeCommentary(
    {
      month,
      childrenInCare: indicators["children-in-care"]?.value,
      previousChildrenInCare: headlineFigure(
        "children-in-care",
        addMonths(month, -1),
        month,
        context,
      )?.value,
      childrenMissing: indicators["children-missing"]?.value,
      missingEpisodes: indicators["missing-episodes"]?.value,
      unpublishedBefore:
        scenario.unpublished === addMonths(month, -1) ? scenario.unpublished : undefined,
    },
    catalogue.sections.map((section) => section.id),
  );
  if (Object.keys(commentary).length > 0) written.commentary = commentary;
  return written;
}

/**
 * Picks a publication date from the 8th to the 20th of the following month. Each month has its
 * own stream, so the date does not depend on the range requested.
 */
function publicationDate(month: string, seed: string): string {
  const day = createRandom(seed, `published ${month}`).integer(8, 20);
  return `${addMonths(month, 1)}-${String(day).padStart(2, "0")}`;
}

function buildReport(indicator: Indicator, month: string, context: MonthContext): WrittenReport {
  const simulated = context.simulation.indicators.get(indicator.id)!;
  const report: WrittenReport = { ...headlineFigure(indicator.id, month, month, context) };

  if (context.scenario.withPrevious.includes(month) && simulated.shape !== "breakdown") {
    const previous = headlineFigure(indicator.id, addMonths(month, -1), month, context);
    if (previous) report.previous = previous;
  }
  if (simulated.shape === "year-to-date" && report.missing === undefined) {
    report.series = yearToDateSeries(indicator, simulated, month, context);
  }
  if (simulated.shape === "breakdown") {
    report.breakdown = breakdownCells(indicator, simulated, month, context);
  }
  return report;
}

/**
 * Returns an indicator's headline figure for `month` as the file for `knownAt` gives it, with
 * the scenario's missing figures, revision and correction applied. Breakdowns have none.
 */
function headlineFigure(
  indicatorId: string,
  month: string,
  knownAt: string,
  context: MonthContext,
): WrittenFigure | undefined {
  const { simulation, scenario, catalogue } = context;
  const simulated = simulation.indicators.get(indicatorId);
  const indicator = catalogue.indicators.find((entry) => entry.id === indicatorId);
  if (!simulated || !indicator || simulated.shape === "breakdown") return undefined;

  const missing = scenario.missing.find(
    (entry) =>
      entry.indicator === indicatorId && entry.month === month && entry.category === undefined,
  );
  if (missing) return { missing: missing.reason };

  const index = indexOfMonth(simulation.timeline, month);
  switch (simulated.shape) {
    case "number": {
      const correction = scenario.correction;
      const added =
        correction?.indicator === indicatorId && correction.month === month ? correction.added : 0;
      return { value: simulated.values[index]! + added };
    }
    case "percent":
      return percentFigure(simulated.fractions[index]!, indicator.decimals);
    case "year-to-date": {
      const fractions = yearToDateMonths(month).map((monthSoFar) =>
        monthFraction(indicatorId, simulated.fractions, monthSoFar, knownAt, context),
      );
      return percentFigure(addFractions(fractions), indicator.decimals);
    }
  }
}

function monthFraction(
  indicatorId: string,
  fractions: readonly Fraction[],
  month: string,
  knownAt: string,
  context: MonthContext,
): Fraction {
  const fraction = fractions[indexOfMonth(context.simulation.timeline, month)]!;
  return fractionKnownAt(context.scenario, indicatorId, month, knownAt, fraction);
}

/**
 * Lists each month of the financial year so far with its own figure, and for a quarterly
 * indicator the latest complete quarters too, ordered as the loader expects.
 */
function yearToDateSeries(
  indicator: Indicator,
  simulated: Extract<SimulatedIndicator, { shape: "year-to-date" }>,
  month: string,
  context: MonthContext,
): WrittenSeriesPoint[] {
  const fractionOf = (monthSoFar: string) =>
    monthFraction(indicator.id, simulated.fractions, monthSoFar, month, context);
  const points: WrittenSeriesPoint[] = yearToDateMonths(month).map((monthSoFar) => ({
    period: monthSoFar,
    ...percentFigure(fractionOf(monthSoFar), indicator.decimals),
  }));
  if (simulated.quarterly) {
    for (const quarter of completeQuarters(month)) {
      const fraction = addFractions(monthsOfQuarter(quarter).map(fractionOf));
      points.push({ period: quarter, ...percentFigure(fraction, indicator.decimals) });
    }
  }
  return points.sort((a, b) => comparePeriods(a.period, b.period));
}

/** Returns the latest financial quarters that have ended by the end of `month`, oldest first. */
function completeQuarters(month: string): string[] {
  // Quarters end in March, June, September and December, the months divisible by three.
  let lastMonth = addMonths(month, -(parseMonth(month).month % 3));
  const quarters: string[] = [];
  for (let count = 0; count < QUARTERS_SHOWN; count += 1) {
    quarters.unshift(financialQuarterOf(lastMonth));
    lastMonth = addMonths(lastMonth, -3);
  }
  return quarters;
}

function breakdownCells(
  indicator: Indicator,
  simulated: Extract<SimulatedIndicator, { shape: "breakdown" }>,
  month: string,
  context: MonthContext,
): Record<string, WrittenCell> {
  const counts = simulated.counts[indexOfMonth(context.simulation.timeline, month)]!;
  const suppress = context.scenario.suppressedBreakdowns.includes(indicator.id)
    ? cellsToSuppress(counts)
    : counts.map(() => false);
  const cells: Record<string, WrittenCell> = {};
  simulated.categoryIds.forEach((category, position) => {
    const missing = context.scenario.missing.find(
      (entry) =>
        entry.indicator === indicator.id && entry.month === month && entry.category === category,
    );
    if (missing) cells[category] = { missing: missing.reason };
    else if (suppress[position]) cells[category] = { suppressed: CONFIDENTIAL };
    else cells[category] = counts[position]!;
  });
  return cells;
}
