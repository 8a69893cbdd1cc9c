/**
 * The shapes of data/comparators.json as written (…Json types) and as read (the rest).
 * schemas/comparators.schema.json defines the file.
 */
import type { Observation, SuppressionMarker, Unit } from "../model/types.ts";

/**
 * A published cell in the month files' vocabulary: a plain number, a number with a note or its
 * parts, a suppression marker exactly as published, or missing with a reason.
 */
export type CellJson =
  | number
  | { value: number; numerator?: number; denominator?: number; note?: string }
  | { suppressed: SuppressionMarker }
  | { missing: string };

/** A neighbour left out of the average, with the reason. */
export type ExclusionJson =
  { code: string; suppressed: SuppressionMarker } | { code: string; missing: string };

export interface NeighbourSummaryJson {
  /** How many neighbours' values the mean, minimum and maximum are taken over. */
  count: number;
  /** Present only when count is above zero. */
  mean?: number;
  min?: number;
  max?: number;
  /** One cell for each neighbour, in the order of the neighbour list. */
  values: CellJson[];
  /** Every neighbour not in the mean, with the marker or reason. */
  excluded: ExclusionJson[];
}

export interface YearJson {
  /** The published time_period, such as "2021". */
  year: string;
  /** The date the figures refer to, as YYYY-MM-DD: 31 March, or 30 September for the workforce. */
  date: string;
  council: CellJson;
  england: CellJson;
  region: CellJson;
  neighbours: NeighbourSummaryJson;
}

/** The place in the published table that a measure's figures come from. */
export interface MeasureSource {
  table: string;
  column: string;
  /** The value each identifying column must have, such as { "cla_group": "CLA on 31 March" }. */
  rows: Record<string, string>;
  /** The method that works out the figure, when it is not a published cell. */
  derivation?: string;
}

export interface MeasureJson {
  id: string;
  title: string;
  /** The catalogue indicator the measure is shown beside. */
  indicator: string;
  unit: Unit;
  /** Decimal places of the published figures. Neighbour means carry one more. */
  decimals: number;
  source: MeasureSource;
  /** The difference between the published definition and the monthly measure, in one sentence. */
  note?: string;
  years: YearJson[];
}

export interface CouncilJson {
  /** The Department for Education's old_la_code. */
  code: string;
  name: string;
  region: string;
}

export interface NeighbourJson {
  code: string;
  name: string;
  /** The model's own word for how close the neighbour is, such as "Very close". */
  closeness: string;
}

export interface ComparatorsJson {
  council: CouncilJson;
  /** The attribution for the published figures. */
  source: string;
  neighbourModel: { table: string; neighbours: NeighbourJson[] };
  measures: MeasureJson[];
}

/** A neighbour left out of the average: suppressed with its marker, or missing with a reason. */
export interface NeighbourExclusion {
  code: string;
  observation: Exclude<Observation, { kind: "value" }>;
}

export interface NeighbourSummary {
  count: number;
  mean?: number;
  min?: number;
  max?: number;
  values: Observation[];
  excluded: NeighbourExclusion[];
}

export interface ComparatorYear {
  year: string;
  date: string;
  council: Observation;
  england: Observation;
  region: Observation;
  neighbours: NeighbourSummary;
}

export interface ComparatorMeasure extends Omit<MeasureJson, "years"> {
  years: ComparatorYear[];
}

export interface Comparators {
  /** The file the comparators were read from, as shown in messages. */
  file: string;
  council: CouncilJson;
  source: string;
  neighbourModel: { table: string; neighbours: NeighbourJson[] };
  measures: ComparatorMeasure[];
}
