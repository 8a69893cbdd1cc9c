import { isDeepStrictEqual } from "node:util";
import {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Pair,
  parseDocument,
  Scalar,
  visit,
  YAMLMap,
  YAMLSeq,
  type Node,
} from "yaml";
import type { Problem } from "../data/problems.ts";
import { comparePeriods } from "../model/period.ts";
import type { ImportedFigure, ImportRow } from "./csv-import.ts";
import { FIGURE_KEYS, KIND_KEYS, noteFor } from "./month-figures.ts";
import { patchMonthText } from "./month-text-patch.ts";

const LINE_WIDTH = 100;
const PARSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: true, merge: false } as const;

export interface EditResult {
  /** The month file's new text, when there was no problem. */
  text?: string;
  /** How many figures differ from what the file gave before. */
  figuresChanged: number;
  /** Set when the file could not be edited in place and was written whole from its data. */
  rewrittenWhole: boolean;
  problems: Problem[];
}

/**
 * Writes imported figures into a month file's text. Each figure replaces the figure fields
 * (value, numerator, denominator, missing, suppressed) of its entry, and its note replaces the
 * entry's note when the CSV gives one. Everything else is kept: commentary, other notes,
 * readings and comments, and the text is edited in place so that lines no row touches keep
 * their exact bytes. A month that has a `published` date is never changed by import: a changed
 * figure there is a problem, because a published figure changes only through a recorded
 * correction.
 */
export function applyRowsToMonth(
  monthText: string,
  rows: readonly ImportRow[],
  csvFile: string,
): EditResult {
  // The edits are made twice: through the Document API, which gives the data the file must contain
  // (and the whole text when in-place editing cannot be used), and on the text itself.
  const document = parseDocument(monthText, PARSE_OPTIONS);
  const original = parseDocument(monthText, PARSE_OPTIONS);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return {
      figuresChanged: 0,
      rewrittenWhole: false,
      problems: [
        {
          severity: "error",
          file: csvFile,
          line: 1,
          column: 1,
          field: "",
          message: `the month file cannot be read: ${error.message.split("\n")[0]}`,
          hint: "fix the month file first; npm run validate shows where the problem is",
        },
      ],
    };
  }

  const published = document.get("published");
  const problems: Problem[] = [];
  const written: ImportRow[] = [];
  let figuresChanged = 0;

  for (const row of rows) {
    const before = figureAt(document, row);
    const changed = !sameFigure(before, row.figure);
    if (changed && published !== undefined) {
      problems.push({
        severity: "error",
        file: csvFile,
        line: row.line,
        column: 1,
        field: `indicator ${row.indicator.id}`,
        message: `the month was published on ${String(published)}, so its figures are not changed by import`,
        expected: before ? describeFigure(before) : "no figure",
        found: describeFigure(row.figure),
        hint: "record the change under corrections: in the month file, with the date, the figure before and after, and the reason",
      });
      continue;
    }
    if (changed) figuresChanged++;
    writeRow(document, row);
    written.push(row);
  }
  if (problems.length > 0) return { figuresChanged: 0, rewrittenWhole: false, problems };

  const expected = document.toJS();
  const patched = patchMonthText(monthText, original, written, expected);
  if (patched !== undefined) {
    const reread = parseDocument(patched, PARSE_OPTIONS);
    if (reread.errors.length === 0 && isDeepStrictEqual(reread.toJS(), expected)) {
      return { text: patched, figuresChanged, rewrittenWhole: false, problems };
    }
  }
  const whole = document.toString({ lineWidth: LINE_WIDTH, minContentWidth: 0 });
  return { text: whole, figuresChanged, rewrittenWhole: true, problems };
}

function writeRow(document: Document, row: ImportRow): void {
  const indicators = ensureMap(document.contents as YAMLMap, "indicators");
  const entry = ensureMap(indicators, row.indicator.id);
  const decimals = row.indicator.unit === "percent" ? row.indicator.decimals : 0;

  if (row.category !== undefined) {
    const breakdown = ensureMap(entry, "breakdown");
    const pair = findPair(breakdown, row.category);
    const plainValue = plainValueOf(row);
    if (plainValue !== undefined && (!pair || !isMap(pair.value))) {
      if (pair) setValue(document, pair, plainValue, decimals);
      else breakdown.add(new Pair(new Scalar(row.category), numberNode(plainValue, decimals)));
      return;
    }
    const map =
      pair && isMap(pair.value) ? pair.value : replaceWithMap(breakdown, row.category, pair);
    writeFigure(document, map, row, decimals);
    return;
  }

  if (row.period !== periodOf(document) || row.inMonth) {
    writeFigure(document, seriesEntry(document, entry, row.period), row, decimals);
    return;
  }
  writeFigure(document, entry, row, decimals);
}

/** Returns the value when the short form `category: 123` can hold the figure: no parts, no note. */
function plainValueOf(row: ImportRow): number | undefined {
  const figure = row.figure;
  if (figure.kind !== "value" || figure.revised || row.note !== undefined) return undefined;
  return figure.numerator === undefined && figure.denominator === undefined
    ? figure.value
    : undefined;
}

/** Writes a figure into an entry, keeping the entry's position, comments and other fields. */
function writeFigure(document: Document, map: YAMLMap, row: ImportRow, decimals: number): void {
  const figure = row.figure;
  const fields: [string, unknown][] =
    figure.kind === "value" ? [["value", figure.value]] : [["suppressed", figure.marker]];
  if (figure.kind === "value" && figure.numerator !== undefined)
    fields.push(["numerator", figure.numerator]);
  if (figure.kind === "value" && figure.denominator !== undefined)
    fields.push(["denominator", figure.denominator]);

  const kindKey = fields[0]![0];
  // The figure takes the place of the entry's old kind of figure, so a comment beside it stays.
  const oldKind = map.items.find(
    (pair) => isScalar(pair.key) && KIND_KEYS.includes(String(pair.key.value)),
  );
  if (!findPair(map, kindKey) && oldKind) oldKind.key = new Scalar(kindKey);

  for (const [key, value] of fields) {
    const pair = findPair(map, key);
    const places = key === "value" ? decimals : 0;
    if (pair) setValue(document, pair, value, places);
    else
      map.add(
        new Pair(
          new Scalar(key),
          typeof value === "number" ? numberNode(value, places) : new Scalar(value),
        ),
      );
  }
  for (const key of FIGURE_KEYS) {
    if (!fields.some(([kept]) => kept === key)) map.delete(key);
  }

  const existingNote = map.get("note");
  const note = noteFor(row, typeof existingNote === "string" ? existingNote : undefined);
  if (note !== undefined) {
    const pair = findPair(map, "note");
    if (pair) setValue(document, pair, note, 0);
    else map.add(new Pair(new Scalar("note"), new Scalar(note)));
  }
}

/** Sets a pair's value, changing the scalar in place so that a comment beside it is kept. */
function setValue(document: Document, pair: Pair, value: unknown, decimals: number): void {
  const old = pair.value;
  if (isScalar(old) && !old.anchor) {
    old.value = value;
    delete old.format;
    delete old.tag;
    if (typeof value === "number") old.minFractionDigits = decimals;
    else delete old.type;
    return;
  }
  const node = typeof value === "number" ? numberNode(value, decimals) : new Scalar(value);
  if (isNode(old)) {
    if (old.comment) node.comment = old.comment;
    if (old.anchor) handOverAnchor(document, old);
  }
  pair.value = node;
}

function numberNode(value: number, decimals: number): Scalar {
  const node = new Scalar(value);
  // A percentage keeps its decimals as the catalogue shows them: 98.0, not 98.
  node.minFractionDigits = decimals;
  return node;
}

/**
 * Moves an anchor about to be removed to the first alias that refers to it, so that other
 * entries sharing the text (as `note: *quarters` does) keep it.
 */
function handOverAnchor(document: Document, node: Node): void {
  const anchor = node.anchor;
  let handed = false;
  visit(document, {
    Alias(_key, alias) {
      if (handed || alias.source !== anchor) return undefined;
      handed = true;
      return node.clone() as Node;
    },
  });
}

function ensureMap(parent: YAMLMap, key: string): YAMLMap {
  const pair = findPair(parent, key);
  if (pair && isMap(pair.value)) return pair.value;
  return replaceWithMap(parent, key, pair);
}

/** Puts an empty map in place of a pair's value (or adds the pair), keeping a comment beside it. */
function replaceWithMap(parent: YAMLMap, key: string, pair: Pair | undefined): YAMLMap {
  const map = new YAMLMap();
  if (!pair) {
    parent.add(new Pair(new Scalar(key), map));
    return map;
  }
  if (isNode(pair.value) && pair.value.comment) map.commentBefore = pair.value.comment;
  pair.value = map;
  return map;
}

/** Returns the series entry for a period, adding one in period order when there is none. */
function seriesEntry(document: Document, entry: YAMLMap, period: string): YAMLMap {
  let pair = findPair(entry, "series");
  if (!pair || !isSeq(pair.value)) {
    const series = new YAMLSeq();
    if (pair) pair.value = series;
    else entry.add((pair = new Pair(new Scalar("series"), series)));
  }
  const series = pair.value as YAMLSeq;
  const found = series.items.find((item) => isMap(item) && item.get("period") === period);
  if (isMap(found)) return found;

  const created = new YAMLMap();
  created.add(new Pair(new Scalar("period"), document.createNode(period)));
  (created.items[0]!.value as Scalar).type = "QUOTE_DOUBLE";
  created.flow = series.items.some((item) => isMap(item) && item.flow);
  const index = series.items.findIndex((item) => {
    const other = isMap(item) ? item.get("period") : undefined;
    return typeof other === "string" && comparePeriods(other, period) > 0;
  });
  if (index < 0) series.items.push(created);
  else series.items.splice(index, 0, created);
  return created;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) =>
    isScalar(pair.key) ? pair.key.value === key : pair.key === key,
  ) as Pair | undefined;
}

function periodOf(document: Document): unknown {
  return document.get("period");
}

/** Reads the figure a row would replace, from the document as it is now. */
function figureAt(document: Document, row: ImportRow): ImportedFigure | undefined {
  const data = document.toJS() as { period?: string; indicators?: Record<string, unknown> };
  const entry = data.indicators?.[row.indicator.id] as Record<string, unknown> | undefined;
  let raw: unknown;
  if (row.category !== undefined) {
    raw = (entry?.breakdown as Record<string, unknown> | undefined)?.[row.category];
  } else if (row.period !== data.period || row.inMonth) {
    const series = Array.isArray(entry?.series) ? (entry.series as Record<string, unknown>[]) : [];
    raw = series.find((point) => point?.period === row.period);
  } else {
    raw = entry;
  }
  if (typeof raw === "number") return { kind: "value", value: raw, revised: false };
  const fields = (raw ?? {}) as Record<string, unknown>;
  if (typeof fields.value === "number") {
    const figure: ImportedFigure = { kind: "value", value: fields.value, revised: false };
    if (typeof fields.numerator === "number") figure.numerator = fields.numerator;
    if (typeof fields.denominator === "number") figure.denominator = fields.denominator;
    return figure;
  }
  if (typeof fields.suppressed === "string") {
    return { kind: "suppressed", marker: fields.suppressed as never };
  }
  return undefined;
}

function sameFigure(before: ImportedFigure | undefined, after: ImportedFigure): boolean {
  if (!before || before.kind !== after.kind) return false;
  if (before.kind === "suppressed" && after.kind === "suppressed")
    return before.marker === after.marker;
  if (before.kind === "value" && after.kind === "value") {
    return (
      before.value === after.value &&
      before.numerator === after.numerator &&
      before.denominator === after.denominator
    );
  }
  return false;
}

function describeFigure(figure: ImportedFigure): string {
  if (figure.kind === "suppressed") return `suppressed [${figure.marker}]`;
  const parts =
    figure.numerator !== undefined && figure.denominator !== undefined
      ? ` (${figure.numerator} of ${figure.denominator})`
      : "";
  return `${figure.value}${parts}`;
}
