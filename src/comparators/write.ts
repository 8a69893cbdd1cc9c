import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ComparatorsJson } from "./types.ts";

const LINE_WIDTH = 100;
/** Depth of one year's entry (root, measures, measure, years, year): written on one line each. */
const YEAR_DEPTH = 4;

/**
 * Formats the comparators as JSON with one line for each year of each measure, so that the file
 * stays small and a new year's figures show in a diff as new lines.
 */
export function formatComparators(comparators: ComparatorsJson): string {
  return `${formatValue(comparators, 0)}\n`;
}

function formatValue(value: unknown, depth: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const indent = "  ".repeat(depth);
  const oneLine = formatOnOneLine(value);
  if (depth >= YEAR_DEPTH || indent.length + oneLine.length <= LINE_WIDTH) return oneLine;
  const inner = "  ".repeat(depth + 1);
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${formatValue(item, depth + 1)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = definedEntries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue(item, depth + 1)}`,
  );
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

/** Formats JSON on one line with a space after each comma and colon, for reading. */
function formatOnOneLine(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatOnOneLine).join(", ")}]`;
  const entries = definedEntries(value).map(
    ([key, item]) => `${JSON.stringify(key)}: ${formatOnOneLine(item)}`,
  );
  return `{${entries.join(", ")}}`;
}

/** Writes the text to a temporary file beside the target, then renames it, so a reader never sees half a file. */
export function writeComparatorsFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, text, "utf8");
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Returns an object's entries without undefined values, which JSON leaves out. */
function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}
