import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { COMPARATORS_FILE, parseComparators, type Comparators } from "../comparators/index.ts";
import type { Catalogue, MonthReport } from "../model/types.ts";
import { readCatalogueFile } from "./catalogue-file.ts";
import { displayPath } from "./display-path.ts";
import { readMonthFile } from "./month-file.ts";
import { countErrors, type Problem } from "./problems.ts";
import { checkAgainstSchema, type SchemaName } from "./schema-validation.ts";
import { parseSourceDocument, type PathSegment, type SourceDocument } from "./source-document.ts";

export interface Council {
  name: string;
  /** The Department for Education's local authority code. */
  code: string;
  scorecardTitle: string;
  /** Set for made-up example data, which every page then labels as fictional. */
  fictional: boolean;
}

export interface Dataset {
  directory: string;
  council: Council;
  catalogue: Catalogue;
  /** Every month file, oldest first. */
  months: MonthReport[];
  /** Published figures for England, the region and similar councils, when the folder has them. */
  comparators?: Comparators;
}

export interface LoadResult {
  /** Present only when no file has an error. */
  dataset?: Dataset;
  problems: Problem[];
  filesRead: number;
}

const DATA_EXTENSIONS = [".yaml", ".yml", ".json"];
const MONTH_STEM = /^\d{4}-\d{2}$/;
const CATALOGUE_STEM = "catalogue";
const COUNCIL_STEM = "council";
/** Files in the data folder that are not month files and are read by their own code. */
const OTHER_DATA_STEMS = new Set([CATALOGUE_STEM, COUNCIL_STEM, "comparators"]);

/**
 * Reads and checks every data file in a folder: the council, the catalogue and each month.
 * Every problem in every file is collected, so one run lists everything to fix.
 */
export function loadDataset(directory: string): LoadResult {
  const problems: Problem[] = [];
  const files = listDataFiles(directory);
  const display = displayPath;

  const readDocument = (file: string, schema: SchemaName): SourceDocument | undefined => {
    const document = parseSourceDocument(display(file), readFileSync(file, "utf8"));
    problems.push(...document.problems);
    if (document.data === undefined) return undefined;
    const check = checkAgainstSchema(document, schema);
    problems.push(...check.problems);
    if (check.problems.length === 0) return document;
    // Month files are checked further without the parts the schema rejected, so one run lists
    // every problem in the file. Other files are small enough to fix in two passes.
    return schema === "month" ? withoutInvalidParts(document, check.invalidPaths) : undefined;
  };

  const councilFile = findSingle(files, COUNCIL_STEM, directory, problems);
  const catalogueFile = findSingle(files, CATALOGUE_STEM, directory, problems);
  const councilDocument = councilFile ? readDocument(councilFile, "council") : undefined;
  const catalogueDocument = catalogueFile ? readDocument(catalogueFile, "catalogue") : undefined;

  let catalogue: Catalogue | undefined;
  if (catalogueDocument) {
    const result = readCatalogueFile(catalogueDocument);
    problems.push(...result.problems);
    catalogue = result.catalogue;
  }

  const months: MonthReport[] = [];
  const monthFiles = files.filter((file) => MONTH_STEM.test(stemOf(file)));
  reportSameMonthTwice(monthFiles, display, problems);
  for (const file of monthFiles) {
    const document = readDocument(file, "month");
    if (!document || !catalogue) continue;
    const result = readMonthFile(document, catalogue, stemOf(file));
    problems.push(...result.problems);
    months.push(result.month);
  }
  for (const file of files) {
    const stem = stemOf(file);
    if (!MONTH_STEM.test(stem) && !OTHER_DATA_STEMS.has(stem)) {
      problems.push({
        severity: "error",
        file: display(file),
        line: 1,
        column: 1,
        field: "",
        message: "unexpected data file",
        hint: "month files are named by their period, as 2020-12.yaml; move other files out of the data folder",
      });
    }
  }

  let comparators: Comparators | undefined;
  const comparatorsFile = join(directory, COMPARATORS_FILE);
  if (existsSync(comparatorsFile) && councilDocument && catalogue) {
    const result = parseComparators(
      readFileSync(comparatorsFile, "utf8"),
      display(comparatorsFile),
      {
        councilCode: (councilDocument.data as { code: string }).code,
        councilFile: councilDocument.file,
        indicatorIds: catalogue.indicators.map((indicator) => indicator.id),
      },
    );
    problems.push(...result.problems);
    comparators = result.comparators;
  }

  const filesRead = files.length;
  if (countErrors(problems) > 0 || !catalogue || !councilDocument) return { problems, filesRead };
  const council = councilDocument.data as Partial<Council> & { name: string; code: string };
  months.sort((a, b) => a.period.localeCompare(b.period));
  return {
    dataset: {
      directory,
      council: {
        name: council.name,
        code: council.code,
        scorecardTitle: council.scorecardTitle ?? "Corporate Parenting Scorecard",
        fictional: council.fictional ?? false,
      },
      catalogue,
      months,
      ...(comparators ? { comparators } : {}),
    },
    problems,
    filesRead,
  };
}

/**
 * Returns the document with every indicator, commentary or top-level field that the schema
 * rejected removed, or undefined when what remains cannot be checked further.
 */
function withoutInvalidParts(
  document: SourceDocument,
  invalidPaths: PathSegment[][],
): SourceDocument | undefined {
  const data = structuredClone(document.data) as Record<string, unknown>;
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  for (const path of invalidPaths) {
    const [top, key] = path;
    const group = data[top as string];
    if ((top === "indicators" || top === "commentary") && key !== undefined && isRecord(group)) {
      delete group[key as string];
    } else if (top !== undefined) {
      delete data[top as string];
    } else {
      return undefined;
    }
  }
  if (typeof data.period !== "string" || !isRecord(data.indicators)) return undefined;
  return { ...document, data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function listDataFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => DATA_EXTENSIONS.includes(extname(name)))
    .sort()
    .map((name) => join(directory, name));
}

function stemOf(file: string): string {
  const name = file.split(/[\\/]/).pop()!;
  return name.slice(0, name.length - extname(name).length);
}

function findSingle(
  files: string[],
  stem: string,
  directory: string,
  problems: Problem[],
): string | undefined {
  const matches = files.filter((file) => stemOf(file) === stem);
  if (matches.length === 0) {
    problems.push({
      severity: "error",
      file: displayPath(join(directory, `${stem}.yaml`)),
      line: 1,
      column: 1,
      field: "",
      message: `missing ${stem} file`,
      hint: `create ${stem}.yaml in the data folder`,
    });
    return undefined;
  }
  if (matches.length > 1) {
    problems.push({
      severity: "error",
      file: displayPath(matches[1]!),
      line: 1,
      column: 1,
      field: "",
      message: `more than one ${stem} file`,
      hint: `keep one of ${matches.map(displayPath).join(" and ")}`,
    });
  }
  return matches[0];
}

function reportSameMonthTwice(
  monthFiles: string[],
  display: (file: string) => string,
  problems: Problem[],
): void {
  const byStem = new Map<string, string>();
  for (const file of monthFiles) {
    const first = byStem.get(stemOf(file));
    if (first) {
      problems.push({
        severity: "error",
        file: display(file),
        line: 1,
        column: 1,
        field: "",
        message: `a second file for ${stemOf(file)}`,
        hint: `${display(first)} already holds this month; keep one of the two`,
      });
    }
    byStem.set(stemOf(file), file);
  }
}
