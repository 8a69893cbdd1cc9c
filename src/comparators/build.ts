import { join } from "node:path";
import { countErrors, type Problem } from "../data/problems.ts";
import { readCsvTable, headerColumn, type CsvTable } from "./csv-table.ts";
import { councilCodes, extractMeasure, type MeasureCells } from "./extract.ts";
import {
  checkColumns,
  columnIndexes,
  GEOGRAPHY_COLUMNS,
  LEVELS,
  NEIGHBOUR_MODEL,
  TABLE_LAYOUTS,
} from "./layouts.ts";
import { MEASURES, measureColumns, type MeasureDefinition } from "./measures.ts";
import {
  readNeighbourModel,
  summariseNeighbours,
  type CodeOrigin,
  type NeighbourModel,
} from "./neighbours.ts";
import type { ComparatorsJson, MeasureJson, YearJson } from "./types.ts";

export const ATTRIBUTION =
  "Department for Education, published local authority tables on children's social care in England, under the Open Government Licence v3.0";

export interface BuildOptions {
  /** The folder holding the published CSV tables. */
  tablesDirectory: string;
  origin: CodeOrigin;
  /** Returns how a path is shown in messages, by default the path itself. */
  display?: (path: string) => string;
}

export interface BuildResult {
  /** Present only when no table has an error. */
  comparators?: ComparatorsJson;
  problems: Problem[];
}

/**
 * Reads the published tables and returns, for every measure and year, the council's figure beside
 * England's, its region's and a summary of its statistical neighbours'. Every problem in every
 * table is collected, and nothing is returned when any of them is an error.
 */
export function buildComparators(options: BuildOptions): BuildResult {
  const display = options.display ?? ((path: string) => path);
  const problems: Problem[] = [];
  const open = (file: string, columns: readonly string[]): CsvTable | undefined => {
    const path = join(options.tablesDirectory, file);
    const result = readCsvTable(path, display(path));
    problems.push(...result.problems);
    if (!result.table) return undefined;
    const missing = checkColumns(result.table, columns);
    problems.push(...missing);
    return missing.length === 0 ? result.table : undefined;
  };

  const modelTable = open(NEIGHBOUR_MODEL.file, NEIGHBOUR_MODEL.columns);
  const model = modelTable ? readNeighbourModel(modelTable, options.origin, problems) : undefined;

  const cellsByMeasure = new Map<MeasureDefinition, MeasureCells>();
  const referenceDays = new Map<string, string>();
  for (const layout of TABLE_LAYOUTS) {
    const measures = MEASURES.filter((measure) => measure.table === layout.file);
    const columns = new Set<string>([...GEOGRAPHY_COLUMNS, ...measures.flatMap(measureColumns)]);
    const table = open(layout.file, [...columns]);
    if (!table) continue;
    referenceDays.set(layout.file, layout.referenceDay);
    if (model) checkPlacesPresent(table, model, problems);
    for (const measure of measures)
      cellsByMeasure.set(measure, extractMeasure(table, measure, problems));
  }

  if (countErrors(problems) > 0 || !model) return { problems };
  const measures = MEASURES.map((measure) =>
    toMeasureJson(measure, cellsByMeasure.get(measure)!, referenceDays.get(measure.table)!, model),
  );
  // Reading cells can itself find problems, such as an unreadable neighbour's cell.
  if (countErrors(problems) > 0) return { problems };
  return {
    comparators: {
      council: model.council,
      source: ATTRIBUTION,
      neighbourModel: { table: NEIGHBOUR_MODEL.file, neighbours: model.neighbours },
      measures,
    },
    problems,
  };
}

function toMeasureJson(
  measure: MeasureDefinition,
  cells: MeasureCells,
  referenceDay: string,
  model: NeighbourModel,
): MeasureJson {
  const years = cells.years.map((year): YearJson => {
    const neighbourCells = model.neighbours.map((neighbour) =>
      cells.cellFor(year, { level: "council", code: neighbour.code }),
    );
    return {
      year,
      date: `${year}-${referenceDay}`,
      council: cells.cellFor(year, { level: "council", code: model.council.code }).cell,
      england: cells.cellFor(year, { level: "england" }).cell,
      region: cells.cellFor(year, { level: "region", name: model.council.region }).cell,
      neighbours: summariseNeighbours(model.neighbours, neighbourCells, measure.decimals),
    };
  });
  return {
    id: measure.id,
    title: measure.title,
    indicator: measure.indicator,
    unit: measure.unit,
    decimals: measure.decimals,
    source: {
      table: measure.table,
      column: measure.column,
      rows: measure.rows,
      ...(measure.knownShare ? { derivation: measure.knownShare.description } : {}),
    },
    ...(measure.note ? { note: measure.note } : {}),
    years,
  };
}

/** Reports a table with no row at all for the council or its region: it cannot be compared. */
function checkPlacesPresent(table: CsvTable, model: NeighbourModel, problems: Problem[]): void {
  const { council } = model;
  const indexes = columnIndexes(table, GEOGRAPHY_COLUMNS);
  if (!councilCodes(table).has(council.code)) {
    problems.push({
      severity: "error",
      file: table.file,
      line: 1,
      column: headerColumn(table, indexes.old_la_code),
      field: "old_la_code",
      message: `council code "${council.code}" not found in ${table.name}`,
      expected: `rows for ${council.name} (${council.code})`,
      found: "no such rows",
      hint: `check that ${table.name} is the complete published table: the neighbour model lists ${council.name} as ${council.code}`,
    });
  }
  const regionRows = table.rows.some(
    (row) =>
      row.fields[indexes.geographic_level] === LEVELS.region &&
      row.fields[indexes.region_name] === council.region,
  );
  if (!regionRows) {
    problems.push({
      severity: "error",
      file: table.file,
      line: 1,
      column: headerColumn(table, indexes.region_name),
      field: "region_name",
      message: `no rows for the region "${council.region}"`,
      expected: `regional rows named as in ${NEIGHBOUR_MODEL.file}`,
      found: "no such rows",
      hint: `check that ${table.name} is the complete published table`,
    });
  }
}
