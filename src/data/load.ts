import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { extname, join } from "node:path";
import { COMPARATORS_FILE, parseComparators, type Comparators } from "../comparators/index.ts";
import { previousMonth } from "../model/period.ts";
import type { Catalogue, MonthReport } from "../model/types.ts";
import { readCatalogueFile } from "./catalogue-file.ts";
import { displayPath } from "./display-path.ts";
import { checkAgainstHistory } from "./history.ts";
import { readMonthFile } from "./month-file.ts";
import { DATA_EXTENSIONS, isDataFileName } from "./data-file-name.ts";
import { countErrors, type Problem } from "./problems.ts";
import { checkAgainstSchema, type SchemaName } from "./schema-validation.ts";
import { parseSourceDocumentCached, saveParseCache } from "./parse-cache.ts";
import type { PathSegment, SourceDocument } from "./source-document.ts";

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

export { DATA_EXTENSIONS };
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
  if (!isDirectory(directory)) {
    problems.push(
      fileProblem(
        directory,
        "data folder not found",
        "set SCORECARD_DATA to the folder that holds catalogue.yaml and the month files",
      ),
    );
    return { problems, filesRead: 0 };
  }
  const files = listDataFiles(directory, problems);
  const display = displayPath;

  const readDocument = (file: string, schema: SchemaName): SourceDocument | undefined => {
    const result = readDataFile(file, schema);
    problems.push(...result.problems);
    return result.document;
  };

  const councilFile = findSingle(files, COUNCIL_STEM, directory, problems);
  const catalogueFile = findSingle(files, CATALOGUE_STEM, directory, problems);
  const councilDocument = councilFile ? readDocument(councilFile, "council") : undefined;
  const catalogueDocument = catalogueFile ? readDocument(catalogueFile, "catalogue") : undefined;

  let catalogue: Catalogue | undefined;
  if (catalogueDocument) {
    const result = readCatalogueFile(catalogueDocument);
    problems.push(...result.problems);
    // A catalogue with errors (a duplicate id, say) would make months look wrong when they are not,
    // so months are then only checked against their schema.
    if (countErrors(result.problems) === 0) catalogue = result.catalogue;
  }

  const months: MonthReport[] = [];
  const monthFiles = files.filter((file) => MONTH_STEM.test(stemOf(file)));
  if (monthFiles.length === 0) {
    problems.push(
      fileProblem(
        directory,
        "no month files in the data folder",
        "add a month file named by its period, as 2020-12.yaml, or run npm run new-month",
      ),
    );
  }
  reportSameMonthTwice(monthFiles, display, problems);
  const byPeriod = new Map<string, { month: MonthReport; document: SourceDocument }>();
  for (const file of monthFiles) {
    const document = readDocument(file, "month");
    if (!document || !catalogue) continue;
    const result = readMonthFile(document, catalogue, stemOf(file));
    problems.push(...result.problems);
    months.push(result.month);
    if (result.month.period === stemOf(file))
      byPeriod.set(result.month.period, { month: result.month, document });
  }
  for (const { month, document } of byPeriod.values()) {
    const previous = byPeriod.get(previousMonth(month.period));
    const previousFile = previous
      ? { month: previous.month, file: previous.document.file }
      : undefined;
    problems.push(...checkAgainstHistory(month, document, previousFile, catalogue!));
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

  saveParseCache();

  let comparators: Comparators | undefined;
  const comparatorsFile = join(directory, COMPARATORS_FILE);
  const comparatorsText = isPresent(comparatorsFile) ? readText(comparatorsFile) : undefined;
  if (typeof comparatorsText === "object") problems.push(comparatorsText);
  if (typeof comparatorsText === "string" && councilDocument && catalogue) {
    const result = parseComparators(comparatorsText, display(comparatorsFile), {
      councilCode: (councilDocument.data as { code: string }).code,
      councilFile: councilDocument.file,
      indicatorIds: catalogue.indicators.map((indicator) => indicator.id),
    });
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
 * Parses one data file and checks it against its schema. Returns the document, or undefined when
 * it cannot be checked further, with every problem found.
 */
export function readDataFile(
  file: string,
  schema: SchemaName,
): { document?: SourceDocument; problems: Problem[] } {
  const text = readText(file);
  if (typeof text !== "string") return { problems: [text] };
  const jsonProblem =
    extname(file) === ".json" ? checkJsonSyntax(displayPath(file), text) : undefined;
  if (jsonProblem) return { problems: [jsonProblem] };
  const document = parseSourceDocumentCached(displayPath(file), text);
  const problems = [...document.problems];
  if (document.data === undefined) return { problems };
  const check = checkAgainstSchema(document, schema);
  problems.push(...check.problems);
  if (check.problems.length === 0) return { document, problems };
  // Month files are checked further without the parts the schema rejected, so one run lists
  // every problem in the file. Other files are small enough to fix in two passes.
  if (schema !== "month") return { problems };
  const remaining = withoutInvalidParts(document, check.invalidPaths);
  return remaining ? { document: remaining, problems } : { problems };
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

/** Tells whether a path names anything, a broken link included. */
function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function listDataFiles(directory: string, problems: Problem[]): string[] {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    problems.push(
      fileProblem(
        directory,
        `cannot read the data folder: ${code === "EACCES" ? "permission denied" : code}`,
        "check the folder's permissions, or set SCORECARD_DATA to the right folder",
      ),
    );
    return [];
  }
  for (const name of names) {
    const extension = extname(name);
    if (!DATA_EXTENSIONS.includes(extension) && DATA_EXTENSIONS.includes(extension.toLowerCase())) {
      problems.push(
        fileProblem(
          join(directory, name),
          "data file extension is not lower case",
          `rename the file to ${name.slice(0, -extension.length)}${extension.toLowerCase()}`,
        ),
      );
    }
  }
  return names.filter(isDataFileName).map((name) => join(directory, name));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Returns a problem with a whole file or folder, placed at its start. */
function fileProblem(file: string, message: string, hint: string): Problem {
  return {
    severity: "error",
    file: displayPath(file),
    line: 1,
    column: 1,
    field: "",
    message,
    hint,
  };
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Reads a file as UTF-8 text, or returns the problem that stops it being read. */
function readText(file: string): string | Problem {
  // Checked before opening: reading a named pipe or a device would wait for a writer forever.
  // A link loop fails here too, and readFileSync below then names it.
  const stats = statOrUndefined(file);
  if (stats && !stats.isFile()) {
    return fileProblem(
      file,
      `cannot read the file: ${stats.isDirectory() ? "it is a folder, not a file" : "it is not a plain file"}`,
      "move it out of the data folder, or put the data file in its place",
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    const reasons: Record<string, string> = {
      EACCES: "permission denied",
      EISDIR: "it is a folder, not a file",
      ENOENT: "it does not exist (a broken link?)",
      ELOOP: "its links form a loop",
    };
    return fileProblem(
      file,
      `cannot read the file: ${reasons[code] ?? code}`,
      "check the file's permissions and that it is a plain file",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    const before = text.slice(0, text.indexOf("\uFFFD")).split("\n");
    return {
      ...fileProblem(
        file,
        "the file is not valid UTF-8 text",
        "save the file as UTF-8; spreadsheets and some editors offer it under Save As",
      ),
      line: before.length,
      column: before[before.length - 1]!.length + 1,
    };
  }
}

/** Rejects JSON that only a YAML reader would accept: comments, trailing commas, single quotes. */
function checkJsonSyntax(file: string, text: string): Problem | undefined {
  try {
    JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, offset).split("\n");
    return {
      severity: "error",
      file,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      field: "",
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
      hint: "JSON allows no comments, trailing commas or single quotes; or name the file .yaml",
    };
  }
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
