import { displayPath } from "../data/display-path.ts";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSourceDocument, type SourceDocument } from "../data/source-document.ts";

/** Facts from the rest of the data folder, for checks that span files. */
export interface ComparatorsContext {
  /** The council code configured in council.yaml. */
  councilCode?: string;
  /** The file the council code was read from, as shown in messages. */
  councilFile?: string;
  /** The ids of the catalogue's indicators. */
  indicatorIds?: readonly string[];
}

/** Reads the council code and indicator ids from a data folder, leaving their problems to the loader. */
export function readComparatorsContext(directory: string): ComparatorsContext {
  const context: ComparatorsContext = {};
  const council = readYaml(join(directory, "council.yaml"));
  if (council && typeof council.data === "object" && council.data !== null) {
    const code = (council.data as { code?: unknown }).code;
    if (typeof code === "string") {
      context.councilCode = code;
      context.councilFile = council.file;
    }
  }
  const catalogue = readYaml(join(directory, "catalogue.yaml"));
  const indicators = (catalogue?.data as { indicators?: unknown } | undefined)?.indicators;
  if (Array.isArray(indicators)) {
    context.indicatorIds = indicators
      .map((indicator) => (indicator as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === "string");
  }
  return context;
}

function readYaml(path: string): SourceDocument | undefined {
  if (!existsSync(path)) return undefined;
  return parseSourceDocument(displayPath(path), readFileSync(path, "utf8"));
}
