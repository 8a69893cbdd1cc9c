import type { Problem } from "../data/problems.ts";
import { roundTo } from "../rules/rounding.ts";
import { fieldColumn, headerColumn, type CsvTable } from "./csv-table.ts";
import type { ExtractedCell } from "./extract.ts";
import { columnIndexes, NEIGHBOUR_COUNT } from "./layouts.ts";
import type {
  CellJson,
  CouncilJson,
  ExclusionJson,
  NeighbourJson,
  NeighbourSummaryJson,
} from "./types.ts";

export interface NeighbourModel {
  council: CouncilJson;
  neighbours: NeighbourJson[];
}

/** The council code and the place it was written, so that an unknown code can be fixed there. */
export interface CodeOrigin {
  code: string;
  /** The place to change the code, such as "data/council.yaml (code, line 4)" or "--code". */
  writtenIn: string;
  /** The council's name as configured, to suggest its code when the code is wrong. */
  configuredName?: string;
}

/**
 * Finds the council's row in the statistical neighbour model and returns the council, its region
 * and its ten neighbours, closest first. The table's columns must already be checked.
 */
export function readNeighbourModel(
  table: CsvTable,
  origin: CodeOrigin,
  problems: Problem[],
): NeighbourModel | undefined {
  const indexes = columnIndexes(table, ["old_la_code", "la_name", "region_name"]);
  const row = table.rows.find((candidate) => candidate.fields[indexes.old_la_code] === origin.code);
  if (!row) {
    problems.push(unknownCode(table, origin, indexes.old_la_code, indexes.la_name));
    return undefined;
  }
  const nameOf = new Map(
    table.rows.map((entry) => [entry.fields[indexes.old_la_code]!, entry.fields[indexes.la_name]!]),
  );
  const neighbours: NeighbourJson[] = [];
  for (let rank = 1; rank <= NEIGHBOUR_COUNT; rank++) {
    const codeIndex = table.header.indexOf(`SN_${rank}`);
    const code = row.fields[codeIndex]!.trim();
    const name = nameOf.get(code);
    if (!name) {
      problems.push({
        severity: "error",
        file: table.file,
        line: row.line,
        column: fieldColumn(row, codeIndex),
        field: `SN_${rank}`,
        message: `neighbour code "${code}" is not a council in the model`,
        expected: "the old_la_code of a council listed in the table",
        found: code === "" ? "nothing" : `"${code}"`,
        hint: "check that the file is the published neighbour model",
      });
      continue;
    }
    const closeness = row.fields[table.header.indexOf(`SN_${rank}P`)]!.trim();
    neighbours.push({ code, name, closeness });
  }
  return {
    council: {
      code: origin.code,
      name: row.fields[indexes.la_name]!,
      region: row.fields[indexes.region_name]!,
    },
    neighbours,
  };
}

function unknownCode(
  table: CsvTable,
  origin: CodeOrigin,
  codeIndex: number,
  nameIndex: number,
): Problem {
  const byName = origin.configuredName
    ? table.rows.find((row) => namesMatch(origin.configuredName!, row.fields[nameIndex]!))
    : undefined;
  const example = byName ?? table.rows[0];
  const hint = byName
    ? `${origin.configuredName} has the code ${byName.fields[codeIndex]} in this table: set it in ${origin.writtenIn}`
    : example
      ? `use an old_la_code from the table's first column in ${origin.writtenIn}, such as ${example.fields[codeIndex]} for ${example.fields[nameIndex]}`
      : `use the council's three-digit old_la_code in ${origin.writtenIn}`;
  return {
    severity: "error",
    file: table.file,
    line: 1,
    column: headerColumn(table, codeIndex),
    field: "old_la_code",
    message: `council code "${origin.code}" not found in ${table.name}`,
    expected: "the old_la_code of a council in the table",
    found: `"${origin.code}"`,
    hint,
  };
}

/** True when one name contains the other, as "Cambridgeshire County Council" and "Cambridgeshire". */
function namesMatch(configured: string, published: string): boolean {
  const a = configured.toLowerCase();
  const b = published.toLowerCase();
  return b.length > 0 && (a.includes(b) || b.includes(a));
}

/**
 * Summarises the neighbours' cells for one measure and year. The mean, minimum and maximum are
 * taken over the neighbours with a value only: a suppressed or missing neighbour is listed as
 * excluded, never counted as zero. A joint figure shared by two neighbours is counted once.
 */
export function summariseNeighbours(
  neighbours: readonly NeighbourJson[],
  cells: readonly ExtractedCell[],
  decimals: number,
): NeighbourSummaryJson {
  const included: number[] = [];
  const excluded: ExclusionJson[] = [];
  const linesCounted = new Map<number, string>();
  neighbours.forEach((neighbour, index) => {
    const { cell, lines } = cells[index]!;
    if (typeof cell === "object" && "suppressed" in cell) {
      excluded.push({ code: neighbour.code, suppressed: cell.suppressed });
      return;
    }
    if (typeof cell === "object" && "missing" in cell) {
      excluded.push({ code: neighbour.code, missing: cell.missing });
      return;
    }
    const sharedWith = lines
      .map((line) => linesCounted.get(line))
      .find((code) => code !== undefined);
    if (sharedWith) {
      excluded.push({
        code: neighbour.code,
        missing: `one joint figure with ${sharedWith}, counted once`,
      });
      return;
    }
    for (const line of lines) linesCounted.set(line, neighbour.code);
    included.push(typeof cell === "number" ? cell : cell.value);
  });
  const statistics =
    included.length === 0
      ? {}
      : {
          mean: roundTo(
            included.reduce((sum, value) => sum + value, 0) / included.length,
            decimals + 1,
          ),
          min: Math.min(...included),
          max: Math.max(...included),
        };
  return {
    count: included.length,
    ...statistics,
    values: cells.map((entry) => withoutParts(entry.cell)),
    excluded,
  };
}

/** Keeps a neighbour's cell short: a worked-out percentage is written without its two counts. */
function withoutParts(cell: CellJson): CellJson {
  if (typeof cell !== "object" || !("value" in cell) || cell.note !== undefined) return cell;
  return cell.value;
}
