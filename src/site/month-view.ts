import { breakdownChart } from "../charts/breakdown-chart.ts";
import type { Chart } from "../charts/chart.ts";
import { seriesChart } from "../charts/series-chart.ts";
import { previousMonth } from "../model/period.ts";
import type { MonthReport, Section } from "../model/types.ts";
import type { Dataset } from "../data/load.ts";
import {
  comparatorTable,
  measuresFor,
  nearestYear,
  type ComparatorTable,
} from "./comparator-view.ts";
import { describeCoverage, viewIndicator, type IndicatorView } from "./indicator-view.ts";

export interface SectionView {
  section: Section;
  indicators: IndicatorView[];
  charts: Chart[];
  commentary: string | undefined;
}

export interface MonthView {
  month: MonthReport;
  sections: SectionView[];
}

// A month's view is shared by its own page, its section pages and its downloads: build it once.
const viewsByDataset = new WeakMap<Dataset, Map<string, MonthView>>();

/** Returns everything a month's pages show, section by section in the catalogue's order. */
export function viewMonth(dataset: Dataset, month: MonthReport): MonthView {
  let views = viewsByDataset.get(dataset);
  if (!views) {
    views = new Map();
    viewsByDataset.set(dataset, views);
  }
  let view = views.get(month.period);
  if (!view) {
    view = buildMonthView(dataset, month);
    views.set(month.period, view);
  }
  return view;
}

function buildMonthView(dataset: Dataset, month: MonthReport): MonthView {
  const previousPeriod = previousMonth(month.period);
  const previous = dataset.months.find((candidate) => candidate.period === previousPeriod);
  const sections = dataset.catalogue.sections.map((section) => {
    const indicators = dataset.catalogue.indicators
      .filter((indicator) => indicator.section === section.id)
      .map((indicator) => ({
        ...viewIndicator(indicator, month, previous),
        comparisons: comparisonsFor(dataset, indicator.id, month.period),
      }));
    return {
      section,
      indicators,
      charts: indicators.flatMap((view) => chartsFor(view, month)),
      commentary: month.commentary.get(section.id),
    };
  });
  return { month, sections };
}

/** Charts every breakdown and series the month reports for an indicator. */
function chartsFor(view: IndicatorView, month: MonthReport): Chart[] {
  const charts: Chart[] = [];
  const report = view.report;
  if (!report) return charts;
  if (view.indicator.breakdown && report.breakdown.size > 0) {
    const totalOf = view.indicator.breakdown.totalOf;
    const total = totalOf ? month.indicators.get(totalOf)?.current : undefined;
    const coverage = describeCoverage(view.indicator, month.period);
    const period = coverage.charAt(0).toLowerCase() + coverage.slice(1);
    charts.push(breakdownChart(view.indicator, report.breakdown, period, total));
  }
  if (report.series.length > 0) charts.push(seriesChart(view.indicator, report.series));
  return charts;
}

/** Lays out each comparator measure of an indicator for the published year nearest the month. */
function comparisonsFor(dataset: Dataset, indicatorId: string, period: string): ComparatorTable[] {
  const { comparators } = dataset;
  if (!comparators) return [];
  return measuresFor(comparators, indicatorId).flatMap((measure) => {
    const year = nearestYear(measure, period);
    return year ? [comparatorTable(comparators, measure, year)] : [];
  });
}
