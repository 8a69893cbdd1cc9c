import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../data/problems.ts";
import { checkAgainstSchema } from "../data/schema-validation.ts";
import { parseSourceDocument } from "../data/source-document.ts";
import type { CodeOrigin } from "./neighbours.ts";
import { displayPath } from "../data/display-path.ts";
import { readComparatorsContext, type ComparatorsContext } from "./data-folder.ts";

export interface ConfiguredCode {
  /** Absent when council.yaml has an error or no code. */
  origin?: CodeOrigin;
  /** The code and indicator ids that the written file is checked against. */
  context: ComparatorsContext;
  /** The code in council.yaml, when it could be read. */
  configuredCode?: string;
  problems: Problem[];
}

const CODE = /^[0-9]{3}$/;

/**
 * Returns the council code to import: `override` when given, else `code` from council.yaml in the
 * data folder, with where it was written so that an unknown code can be fixed there.
 */
export function readConfiguredCode(directory: string, override?: string): ConfiguredCode {
  const context = readComparatorsContext(directory);
  if (override !== undefined) {
    return {
      origin: { code: override, writtenIn: "--code" },
      context: { ...context, councilCode: override, councilFile: "--code" },
      ...(context.councilCode !== undefined ? { configuredCode: context.councilCode } : {}),
      problems: [],
    };
  }

  const path = join(directory, "council.yaml");
  const file = displayPath(path);
  if (!existsSync(path)) return { context, problems: [missingCouncilFile(file)] };

  const document = parseSourceDocument(file, readFileSync(path, "utf8"));
  const problems = [...document.problems];
  if (document.data !== undefined) {
    problems.push(...checkAgainstSchema(document, "council").problems);
  }
  const council = document.data as { name?: unknown; code?: unknown } | undefined;
  if (problems.length > 0 || typeof council?.code !== "string" || !CODE.test(council.code)) {
    return { context, problems };
  }

  const { line } = document.locate(["code"]);
  return {
    origin: {
      code: council.code,
      writtenIn: `${file} (code, line ${line})`,
      ...(typeof council.name === "string" ? { configuredName: council.name } : {}),
    },
    context,
    configuredCode: council.code,
    problems,
  };
}

function missingCouncilFile(file: string): Problem {
  return {
    severity: "error",
    file,
    line: 1,
    column: 1,
    field: "",
    message: "missing council file",
    hint: "create council.yaml in the data folder with the council's name and code, or pass --code NNN",
  };
}
