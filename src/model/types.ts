/** The shapes of the data files after validation. The JSON Schemas in schemas/ define the files. */

export type Unit = "count" | "percent" | "days" | "rate";
export type Polarity = "higher-is-better" | "lower-is-better" | "none";
export type Cadence = "snapshot" | "monthly" | "quarterly" | "year-to-date" | "rolling-year";
export type Reading = "sure" | "likely";

/** Statistical markers, in the Department for Education's convention. */
export type SuppressionMarker = "c" | "k" | "low" | "u" | "x" | "z";

export interface Section {
  id: string;
  title: string;
  summary?: string;
}

export interface Target {
  /** First month the target applies to (YYYY-MM). */
  from: string;
  value: number;
  note?: string;
}

export interface BreakdownCategory {
  id: string;
  label: string;
}

export interface Breakdown {
  /** The name of the division in words: "legal status", "team". */
  label: string;
  categories: BreakdownCategory[];
  /** Indicator whose value the categories add up to, when they do. */
  totalOf?: string;
}

export interface Indicator {
  id: string;
  title: string;
  section: string;
  unit: Unit;
  polarity: Polarity;
  cadence: Cadence;
  definition: string;
  numerator?: string;
  denominator?: string;
  /** Decimal places shown; judgements compare values rounded to this. */
  decimals: number;
  /** How far short of the target still counts as Acceptable, in the indicator's unit. */
  tolerance?: number;
  /** For a percentage: the smallest denominator that is rated; below it the figure is a small base. */
  smallBase?: number;
  targets: Target[];
  breakdown?: Breakdown;
  note?: string;
}

export interface Catalogue {
  sections: Section[];
  indicators: Indicator[];
}

/** A value that was reported, lost, or withheld. Missing is never zero. */
export type Observation =
  | {
      kind: "value";
      value: number;
      numerator?: number;
      denominator?: number;
      note?: string;
      reading?: Reading;
    }
  | { kind: "missing"; reason: string; note?: string }
  | { kind: "suppressed"; marker: SuppressionMarker; note?: string };

export interface SeriesPoint {
  period: string;
  observation: Observation;
}

export interface IndicatorReport {
  /** The figure for the month (or for the year to date, by the indicator's cadence). */
  current?: Observation;
  /** The previous month's figure as this file reports it. */
  previous?: Observation;
  series: SeriesPoint[];
  breakdown: Map<string, Observation>;
  /** A note on the indicator as a whole, when the month gives no single figure for it. */
  note?: string;
}

/** A change made to a published month's figure, recorded in that month's own file. */
export interface Correction {
  /** The date the correction was made (YYYY-MM-DD). */
  date: string;
  indicator: string;
  category?: string;
  from: Observation;
  to: Observation;
  reason: string;
}

export interface MonthReport {
  period: string;
  file: string;
  /** The source of the figures, shown on the month's page. */
  source?: string;
  published?: string;
  commentary: Map<string, string>;
  indicators: Map<string, IndicatorReport>;
  corrections: Correction[];
}
