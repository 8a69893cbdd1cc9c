import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { closestMatch } from "./closest-match.ts";
import { describeField } from "./field-names.ts";
import type { Problem } from "./problems.ts";
import type { PathSegment, SourceDocument } from "./source-document.ts";
// Imported rather than read from disk, so that every bundle of the loader carries its schemas.
import catalogueSchema from "../../schemas/catalogue.schema.json" with { type: "json" };
import comparatorsSchema from "../../schemas/comparators.schema.json" with { type: "json" };
import councilSchema from "../../schemas/council.schema.json" with { type: "json" };
import monthSchema from "../../schemas/month.schema.json" with { type: "json" };

export type SchemaName = "catalogue" | "month" | "council" | "comparators";

const schemas: Record<SchemaName, object> = {
  catalogue: catalogueSchema,
  comparators: comparatorsSchema,
  council: councilSchema,
  month: monthSchema,
};
const validators = new Map<SchemaName, ValidateFunction>();

// ajv-formats is published as CommonJS; under ESM its function sits on `default`.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;

let sharedAjv: Ajv2020 | undefined;

/**
 * Returns the one Ajv instance shared by every schema, because each new instance compiles the
 * JSON Schema meta-schema again, which costs more than compiling the three schemas themselves.
 */
function schemaCompiler(): Ajv2020 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    addFormats(sharedAjv, ["date"]);
  }
  return sharedAjv;
}

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = schemaCompiler().compile(schemas[name]);
    validators.set(name, validate);
  }
  return validate;
}

export interface SchemaCheck {
  problems: Problem[];
  /** The path of every value the schema rejected, so later checks can leave them out. */
  invalidPaths: PathSegment[][];
}

/** Checks a parsed file against its JSON Schema and returns every problem, located in the file. */
export function checkAgainstSchema(document: SourceDocument, schema: SchemaName): SchemaCheck {
  const validate = validatorFor(schema);
  if (validate(document.data)) return { problems: [], invalidPaths: [] };
  const errors = withoutUnchosenBranches(validate.errors ?? []);
  return {
    problems: dedupe(errors.map((error) => toProblem(error, document, schema))),
    invalidPaths: errors.map((error) => pointerToPath(error.instancePath, document.data)),
  };
}

/**
 * Drops the errors of `anyOf` branches the value was not meant for. An `anyOf` of a number or an
 * object reports a failure for every branch, so only the branch whose type matches the value is
 * kept, or a single type error when no branch's type matches.
 */
function withoutUnchosenBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  const alternatives = errors.filter((error) => error.keyword === "anyOf");
  // Where no branch fits the value's type, the anyOf error alone describes it. A `$ref` branch
  // reports its own type error under the referenced schema's path, so match on the value's path.
  const unfitting = new Set(
    alternatives
      .filter((choice) => !branchTypeMatches(choice))
      .map((choice) => choice.instancePath),
  );
  for (const error of errors) {
    if (
      error.keyword !== "anyOf" &&
      error.keyword === "type" &&
      unfitting.has(error.instancePath)
    ) {
      continue;
    }
    const branchOf = alternatives.find(
      (choice) =>
        error !== choice &&
        error.schemaPath.startsWith(`${choice.schemaPath}/`) &&
        error.instancePath.startsWith(choice.instancePath),
    );
    if (error.keyword === "anyOf") {
      if (!branchTypeMatches(error)) kept.push(error);
      continue;
    }
    if (!branchOf) {
      kept.push(error);
      continue;
    }
    const branchIndex = Number(
      error.schemaPath.slice(branchOf.schemaPath.length + 1).split("/")[0],
    );
    const branches = branchOf.schema as { type?: string; $ref?: string }[];
    if (
      branchTypeMatches(branchOf) &&
      typeOfBranch(branches[branchIndex]) === jsonType(branchOf.data)
    ) {
      kept.push(error);
    }
  }
  return kept;
}

function branchTypeMatches(choice: ErrorObject): boolean {
  const branches = choice.schema as { type?: string; $ref?: string }[];
  return branches.some((branch) => typeOfBranch(branch) === jsonType(choice.data));
}

/** Returns the JSON type a branch accepts. A `$ref` branch in these schemas always names an object. */
function typeOfBranch(branch: { type?: string; $ref?: string } | undefined): string | undefined {
  if (!branch) return undefined;
  return branch.type ?? (branch.$ref ? "object" : undefined);
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function toProblem(error: ErrorObject, document: SourceDocument, schema: SchemaName): Problem {
  const path = pointerToPath(error.instancePath, document.data);
  const base = { severity: "error" as const, file: document.file };
  const params = error.params as Record<string, unknown>;

  if (
    schema === "month" &&
    error.data === null &&
    (error.keyword === "type" || error.keyword === "anyOf")
  ) {
    return {
      ...base,
      ...document.locate(path),
      field: describeField(path, document.data),
      ...describeUnfilledField(path),
    };
  }

  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      return {
        ...base,
        ...document.locate(path),
        field: describeField([...path, missing], document.data),
        message: `missing required field "${missing}"`,
        hint: `add "${missing}:" here`,
      };
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      const allowed = allowedFields(error);
      const suggestion = closestMatch(extra, allowed);
      return {
        ...base,
        ...document.locateKey([...path, extra]),
        field: describeField([...path, extra], document.data),
        message: `unknown field "${extra}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : allowed.length > 0
            ? `the fields allowed here are ${allowed.join(", ")}`
            : "remove this field",
      };
    }
    default:
      return {
        ...base,
        ...document.locate(path),
        field: describeField(path, document.data),
        ...describeValueError(error),
      };
  }
}

function describeValueError(
  error: ErrorObject,
): Pick<Problem, "message" | "expected" | "found" | "hint"> {
  const found = describeFound(error.data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
    case "anyOf": {
      const expected =
        error.keyword === "anyOf" ? describeAlternatives(error) : describeType(String(params.type));
      return {
        message: "wrong type of value",
        expected,
        found,
        hint: hintForWrongType(error.data, expected, error.instancePath === ""),
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion =
        typeof error.data === "string" ? closestMatch(error.data, allowed) : undefined;
      return {
        message: "value not allowed here",
        expected: `one of ${allowed.join(", ")}`,
        found,
        hint: suggestion ? `did you mean "${suggestion}"?` : `use one of ${allowed.join(", ")}`,
      };
    }
    case "pattern":
      return {
        message: "badly formed value",
        expected: describePattern(String(params.pattern)),
        found,
        hint: hintForPattern(String(params.pattern), error.data),
      };
    case "format": {
      // A date in the right form that fails is a day the calendar lacks, as 2021-02-30.
      const wellFormed = typeof error.data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(error.data);
      return {
        message: wellFormed ? "no such date" : "badly formed date",
        expected: "a date written YYYY-MM-DD",
        found,
        hint: wellFormed
          ? impossibleDateHint(error.data as string)
          : 'write the date in quotes, as "2021-01-15"',
      };
    }
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
      return {
        message: "number out of range",
        expected: `a number ${describeLimit(error.keyword, Number(params.limit))}`,
        found,
      };
    case "minLength":
      return {
        message: "empty text",
        expected: "some text",
        found,
        hint: "write the text, or remove the field",
      };
    case "maxLength":
      return {
        message: "text too long",
        expected: `at most ${params.limit} characters`,
        found: `${String(error.data).length} characters`,
        hint: "shorten it",
      };
    case "minItems":
      return {
        message: "empty list",
        expected: `at least ${params.limit} entry`,
        found: "an empty list",
      };
    default:
      return { message: error.message ?? "invalid value", found };
  }
}

/** Returns a hint naming what is wrong with a date written YYYY-MM-DD that the calendar lacks. */
function impossibleDateHint(date: string): string {
  const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (month < 1 || month > 12) return "months run from 01 to 12";
  if (day < 1) return "days start at 01";
  return "check the day and the month: that month has fewer days";
}

/**
 * Describes a field of a month file left empty, as `npm run new-month` leaves every figure and
 * commentary for the analyst to fill in. An empty field is always an error, so that nothing
 * unfinished is published and nothing empty is read as zero.
 */
function describeUnfilledField(
  path: readonly PathSegment[],
): Pick<Problem, "message" | "expected" | "found" | "hint"> {
  const last = path[path.length - 1];
  const found = "nothing";
  if (path.length === 0) {
    return {
      message: "the file is empty",
      expected: "the file's fields, such as period: and indicators: in a month file",
      found,
      hint: "fill the file in (npm run new-month writes a month file to fill in), or delete it",
    };
  }
  if (path[0] === "commentary") {
    return {
      message: "commentary not filled in",
      expected: "text",
      found,
      hint: "write the section's commentary, or delete the line when the section has none this month",
    };
  }
  if (last === "numerator" || last === "denominator") {
    return {
      message: `${last} not filled in`,
      expected: "a number",
      found,
      hint: `write the ${last}, or delete the line when it is not given`,
    };
  }
  if (last === "value" || path[path.length - 2] === "breakdown" || last === "previous") {
    return {
      message: "figure not filled in",
      expected: "a number",
      found,
      hint:
        "write the figure; when it is not known write missing: <reason> in its place, " +
        "or suppressed: <marker> when it is withheld",
    };
  }
  if (path[0] === "indicators" && path.length === 2) {
    return {
      message: "indicator not filled in",
      expected: "value, missing or suppressed",
      found,
      hint: "write value: <number> under it, or delete the indicator when it is not reported this month",
    };
  }
  return {
    message: `${String(last)} not filled in`,
    expected: "a value",
    found,
    hint: "fill it in, or delete the line",
  };
}

function describeType(type: string): string {
  switch (type) {
    case "number":
      return "a number";
    case "integer":
      return "a whole number";
    case "string":
      return "text";
    case "object":
      return "a group of fields";
    case "array":
      return "a list";
    case "boolean":
      return "true or false";
    default:
      return type;
  }
}

function describeAlternatives(error: ErrorObject): string {
  const branches = error.schema as { type?: string; $ref?: string }[];
  const words = branches.map((branch) =>
    typeOfBranch(branch) === "object"
      ? "an entry with value, missing or suppressed"
      : describeType(typeOfBranch(branch) ?? ""),
  );
  return words.join(", or ");
}

function describeFound(value: unknown): string {
  if (value === null) return "nothing (an empty value)";
  if (typeof value === "string") return `text "${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a group of fields";
}

function hintForWrongType(
  value: unknown,
  expected: string,
  isWholeFile: boolean,
): string | undefined {
  if (
    expected === "a number" &&
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value)
  ) {
    return "a figure that is not known replaces value: with missing: <reason> or suppressed: <marker>, on its own line";
  }
  if (expected.startsWith("a number") || expected.startsWith("a whole number")) {
    if (typeof value === "string") {
      const trimmed = value.trim();
      if (/^-?[\d.,]+%$/.test(trimmed))
        return `write the percentage as a plain number without the % sign: ${trimmed.slice(0, -1)}`;
      if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed))
        return `write numbers without thousands separators: ${trimmed.replaceAll(",", "")}`;
      if (/^-?\d+(\.\d+)?$/.test(trimmed)) return `remove the quotes around ${trimmed}`;
      return "a figure that is not known is written as { missing: <reason> }, never as text or zero";
    }
    if (value === null)
      return "a figure that is not known is written as { missing: <reason> }, never left empty";
  }
  if (expected.startsWith("a number") || expected.startsWith("a whole number")) {
    if (typeof value === "number" && !Number.isFinite(value))
      return "write a finite number: .nan, .inf and numbers too large to hold are not figures";
    if (Array.isArray(value)) return "write one number, not a list";
    if (typeof value === "boolean") {
      return `write the figure as a number: ${value} is not one, and a figure that is not known is written as { missing: <reason> }`;
    }
  }
  if (expected === "a group of fields" && value === null) {
    return isWholeFile
      ? "the file is empty: fill it in as docs/analysts.md describes"
      : "fill in its fields as docs/analysts.md describes, or remove it";
  }
  if (expected === "a group of fields" && typeof value === "number") {
    return `write the figure as value: ${value}`;
  }
  if (expected === "text" && (typeof value === "boolean" || typeof value === "number")) {
    return `put the text in quotes: "${String(value)}"`;
  }
  if (expected === "text" && value === null) return "write the text, or remove the field";
  return undefined;
}

const MONTH_PATTERN_SOURCE = "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$";

function describePattern(pattern: string): string {
  if (pattern === MONTH_PATTERN_SOURCE)
    return "a month from 1900 to 2099 written YYYY-MM, such as 2020-12";
  if (pattern.includes("Q[1-4]"))
    return "a month (2020-12), a financial quarter (2020/21 Q3) or a financial year (2020/21)";
  if (pattern.startsWith("^[a-z0-9]+"))
    return "an id of lower-case letters and digits joined by hyphens";
  if (pattern === "^[0-9]{3}$") return 'a three-digit code in quotes, such as "873"';
  return `text matching ${pattern}`;
}

function hintForPattern(pattern: string, value: unknown): string | undefined {
  if (pattern === MONTH_PATTERN_SOURCE || pattern.includes("Q[1-4]"))
    return 'write the year in four digits and the month from 01 to 12, in quotes: "2020-12"';
  if (pattern.startsWith("^[a-z0-9]+") && typeof value === "string") {
    return `try "${value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}"`;
  }
  return undefined;
}

function describeLimit(keyword: string, limit: number): string {
  if (keyword === "minimum") return `of at least ${limit}`;
  if (keyword === "exclusiveMinimum") return `above ${limit}`;
  return `of at most ${limit}`;
}

/** Lists the fields a schema object allows, for "did you mean" hints. */
function allowedFields(error: ErrorObject): string[] {
  const schema = error.parentSchema as
    { properties?: Record<string, unknown>; $ref?: string } | undefined;
  const names = new Set(Object.keys(schema?.properties ?? {}));
  if (schema?.$ref?.endsWith("observationFields")) {
    for (const name of [
      "value",
      "numerator",
      "denominator",
      "missing",
      "suppressed",
      "note",
      "reading",
    ]) {
      names.add(name);
    }
  }
  return [...names].sort();
}

/** Turns a JSON pointer into path segments, reading a segment as an index only inside a list. */
function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let node = data;
  for (const escaped of pointer.slice(1).split("/")) {
    const segment = escaped.replaceAll("~1", "/").replaceAll("~0", "~");
    const step = Array.isArray(node) ? Number(segment) : segment;
    path.push(step);
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[step] : undefined;
  }
  return path;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}:${problem.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
