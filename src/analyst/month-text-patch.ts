import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  stringify,
  visit,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from "yaml";
import { comparePeriods } from "../model/period.ts";
import type { ImportRow } from "./csv-import.ts";
import { FIGURE_KEYS, KIND_KEYS, noteFor, type PlannedFigure } from "./month-figures.ts";

/**
 * Edits a month file's text in place for imported rows, so that every byte the rows do not touch
 * stays as it was: comments, blank lines, folded text and the layout of other indicators.
 *
 * Each edit replaces the text of one node, found by the positions the yaml parser records. In a
 * block map, the figure's scalars are replaced, and lines are added or deleted for fields that
 * appear or go. A flow map (`{ value: 3 }`) or a new entry is written whole, on one line, from
 * `expected`, the data the file must contain afterwards. Returns undefined for a shape it does not
 * edit, and the caller then writes the whole document. The caller also checks that the result
 * reads back as `expected`.
 */
export function patchMonthText(
  text: string,
  document: Document.Parsed,
  rows: readonly ImportRow[],
  expected: unknown,
): string | undefined {
  const patch = new TextPatch(text, document);
  const indicators = document.get("indicators", true);
  if (!isMap(indicators) || indicators.flow || indicators.items.length === 0) return undefined;
  const expectedIndicators = (expected as { indicators: Record<string, Record<string, unknown>> })
    .indicators;
  const period = document.get("period");

  const wholeIndicators = new Set<string>();
  for (const row of rows) {
    const id = row.indicator.id;
    if (wholeIndicators.has(id)) continue;
    const pair = findPair(indicators, id);
    const entry = pair?.value;
    const expectedEntry = expectedIndicators[id];
    if (!pair || !isMap(entry) || entry.flow) {
      // A new, empty or one-line indicator is written whole from the expected data.
      wholeIndicators.add(id);
      if (!pair) {
        patch.insert(
          patch.contentEnd(indicators),
          patch.block(id, expectedEntry, patch.column(indicators)),
        );
      } else if (isMap(entry) && entry.flow) {
        patch.replaceNode(entry as Node, patch.flow(expectedEntry));
      } else {
        const start = patch.lineStart(rangeOf(pair.key)[0]);
        patch.replace(
          start,
          patch.contentEnd(entry as Node),
          patch.block(id, expectedEntry, patch.column(indicators)),
        );
      }
      continue;
    }
    const decimals = row.indicator.unit === "percent" ? row.indicator.decimals : 0;
    if (row.category !== undefined) {
      patchBreakdown(patch, entry, row, expectedEntry, decimals);
    } else if (row.period !== period || row.inMonth) {
      patchSeries(patch, entry, row, expectedEntry, decimals);
    } else {
      patchFigure(patch, entry, row, decimals);
    }
  }
  return patch.apply();
}

function patchBreakdown(
  patch: TextPatch,
  entry: YAMLMap,
  row: ImportRow,
  expectedEntry: Record<string, unknown> | undefined,
  decimals: number,
): void {
  const category = row.category!;
  const expectedBreakdown = expectedEntry?.breakdown as Record<string, unknown>;
  const expectedFigure = expectedBreakdown[category];
  const breakdown = findPair(entry, "breakdown")?.value;
  if (breakdown === undefined) {
    const at = patch.contentEnd(entry);
    const indent = patch.column(entry);
    patch.insertOnce(at, `${" ".repeat(indent)}breakdown:\n`, `${rangeOf(entry)[0]}/breakdown`);
    patch.insert(
      at,
      `${" ".repeat(indent + 2)}${category}: ${patch.flowOrNumber(expectedFigure, decimals)}\n`,
    );
    return;
  }
  if (!isMap(breakdown) || breakdown.flow) {
    patch.replaceNode(breakdown as Node, patch.flow(expectedBreakdown));
    return;
  }
  const pair = findPair(breakdown, category);
  if (!pair) {
    const line = `${" ".repeat(patch.column(breakdown))}${category}: ${patch.flowOrNumber(expectedFigure, decimals)}\n`;
    patch.insert(patch.contentEnd(breakdown), line);
  } else if (isMap(pair.value) && !pair.value.flow) {
    patchFigure(patch, pair.value, row, decimals);
  } else {
    patch.replaceNode(pair.value as Node, patch.flowOrNumber(expectedFigure, decimals));
  }
}

function patchSeries(
  patch: TextPatch,
  entry: YAMLMap,
  row: ImportRow,
  expectedEntry: Record<string, unknown> | undefined,
  decimals: number,
): void {
  const expectedSeries = (expectedEntry?.series ?? []) as Record<string, unknown>[];
  const expectedPoint = expectedSeries.find((point) => point.period === row.period);
  const series = findPair(entry, "series")?.value;
  if (series === undefined) {
    const at = patch.contentEnd(entry);
    const indent = patch.column(entry);
    patch.insertOnce(at, `${" ".repeat(indent)}series:\n`, `${rangeOf(entry)[0]}/series`);
    patch.insert(at, `${" ".repeat(indent + 2)}- ${patch.flow(expectedPoint)}\n`);
    return;
  }
  if (!isSeq(series) || series.flow) {
    patch.replaceNode(series as Node, patch.flow(expectedSeries));
    return;
  }
  const item = series.items.find((point) => isMap(point) && point.get("period") === row.period);
  if (isMap(item) && !item.flow) {
    patchFigure(patch, item, row, decimals);
  } else if (item !== undefined) {
    patch.replaceNode(item as Node, patch.flow(expectedPoint));
  } else {
    const later = series.items.find((point) => {
      const other = isMap(point) ? point.get("period") : undefined;
      return typeof other === "string" && comparePeriods(other, row.period) > 0;
    });
    const at = later ? patch.lineStart(rangeOf(later)[0]) : patch.contentEnd(series);
    patch.insert(at, `${" ".repeat(patch.column(series))}- ${patch.flow(expectedPoint)}\n`);
  }
}

/** Writes a figure into a block map: its kind, value, parts and note, line by line. */
function patchFigure(patch: TextPatch, map: YAMLMap, row: ImportRow, decimals: number): void {
  const figure: PlannedFigure = row.figure;
  const indent = " ".repeat(patch.column(map));
  const fields = new Map<string, string>();
  if (figure.kind === "value") {
    fields.set("value", patch.scalar(figure.value, decimals));
    if (figure.numerator !== undefined) fields.set("numerator", patch.scalar(figure.numerator, 0));
    if (figure.denominator !== undefined)
      fields.set("denominator", patch.scalar(figure.denominator, 0));
  } else {
    fields.set("suppressed", patch.scalar(figure.marker, 0));
  }
  const kind = figure.kind === "value" ? "value" : "suppressed";

  // The figure takes the place of the entry's old kind of figure, so a comment beside it stays.
  let kindPair = findPair(map, kind);
  const oldKind = kindPair ?? map.items.find((pair) => KIND_KEYS.includes(keyOf(pair)));
  let afterKind: number;
  if (oldKind) {
    if (!kindPair) patch.replaceNode(oldKind.key as Node, kind);
    patch.replaceNode(oldKind.value as Node, fields.get(kind)!);
    kindPair = oldKind;
    afterKind = patch.contentEnd(oldKind.value as Node);
  } else {
    afterKind = patch.lineStart(rangeOf(map.items[0]!.key)[0]);
    patch.insert(afterKind, `${indent}${kind}: ${fields.get(kind)}\n`);
  }

  for (const key of FIGURE_KEYS) {
    if (key === kind) continue;
    const pair = findPair(map, key);
    const text = fields.get(key);
    if (pair && pair !== kindPair && text === undefined) patch.deleteLines(pair);
    else if (pair && text !== undefined) patch.replaceNode(pair.value as Node, text);
    else if (!pair && text !== undefined) patch.insert(afterKind, `${indent}${key}: ${text}\n`);
  }

  const existingNote = map.get("note");
  const note = noteFor(row, typeof existingNote === "string" ? existingNote : undefined);
  if (note === undefined) return;
  const notePair = findPair(map, "note");
  if (notePair) patch.replaceNode(notePair.value as Node, patch.scalar(note, 0));
  else patch.insert(patch.contentEnd(map), `${indent}note: ${patch.scalar(note, 0)}\n`);
}

interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** A list of replacements of the original text, applied together at the end. */
class TextPatch {
  private readonly edits: Edit[] = [];
  private readonly onceKeys = new Set<string>();
  private failed = false;

  constructor(
    private readonly source: string,
    private readonly document: Document.Parsed,
  ) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  /** Inserts text once for a key, for a field created by the first of several rows. */
  insertOnce(at: number, text: string, key: string): void {
    if (this.onceKeys.has(key)) return;
    this.onceKeys.add(key);
    this.insert(at, text);
  }

  /**
   * Replaces a node's text. An empty node (`value:` with nothing after it) gets the spaces it
   * needs; a block scalar keeps its line end. An anchor on the node is first handed to an alias.
   */
  replaceNode(node: Node, text: string): void {
    let [start, end] = rangeOf(node);
    if (isCollection(node) || isScalar(node)) this.releaseAnchors(node);
    if (node.anchor) start = this.source.lastIndexOf(`&${node.anchor}`, start);
    if (start === end) {
      const before = /\s/.test(this.source[start - 1] ?? "\n") ? "" : " ";
      const after = /[^\s]/.test(this.source[start] ?? "\n") ? " " : "";
      this.insert(start, `${before}${text}${after}`);
      return;
    }
    const replaced = this.source.slice(start, end);
    this.replace(start, end, replaced.endsWith("\n") ? `${text}\n` : text);
  }

  /** Deletes a pair's lines, from its key to the end of its value, comments beside it included. */
  deleteLines(pair: Pair): void {
    this.releaseAnchors(pair.value as Node);
    this.replace(this.lineStart(rangeOf(pair.key)[0]), this.contentEnd(pair.value as Node), "");
  }

  /**
   * Hands each anchor inside a node about to be replaced to the first alias of it elsewhere, with
   * the old text, so that entries sharing the text (as `note: *quarters` does) keep it.
   */
  private releaseAnchors(node: Node): void {
    const anchored: Node[] = [];
    visit(node, {
      Node(_key, inner) {
        if (inner.anchor) anchored.push(inner);
      },
    });
    if (node.anchor) anchored.push(node);
    const [start, end] = rangeOf(node);
    for (const inner of anchored) {
      let alias: Node | undefined;
      visit(this.document, {
        Alias(_key, candidate) {
          const [at] = rangeOf(candidate);
          if (!alias && candidate.source === inner.anchor && (at < start || at >= end))
            alias = candidate;
        },
      });
      if (!alias) continue;
      const [innerStart, innerEnd] = rangeOf(inner);
      const oldText = this.source.slice(innerStart, innerEnd).trimEnd();
      if (isCollection(inner) && !inner.flow) {
        this.failed = true;
        return;
      }
      this.replace(rangeOf(alias)[0], rangeOf(alias)[1], `&${inner.anchor} ${oldText}`);
    }
  }

  /** Writes a scalar on one line: numbers with at least `decimals` places, text quoted if needed. */
  scalar(value: unknown, decimals: number): string {
    if (typeof value === "number") return formatDecimal(value, decimals);
    const text = String(value);
    if (text.includes("\n")) return JSON.stringify(text);
    const written = new Document(text).toString({ lineWidth: 0 }).trimEnd();
    return written.includes("\n") ? JSON.stringify(text) : written;
  }

  /** Writes data as a one-line flow collection, with periods in quotes as the files write them. */
  flow(data: unknown): string {
    const document = new Document(data, { version: "1.2" });
    visit(document, {
      Pair(_key, pair) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === "period" && isScalar(pair.value)) pair.value.type = "QUOTE_DOUBLE";
      },
    });
    if (isCollection(document.contents)) document.contents.flow = true;
    return document.toString({ lineWidth: 0, flowCollectionPadding: true }).trim();
  }

  /** Writes a breakdown figure: a plain number when it is one, else a flow map. */
  flowOrNumber(data: unknown, decimals: number): string {
    return typeof data === "number" ? formatDecimal(data, decimals) : this.flow(data);
  }

  /** Writes a new indicator as a block, indented to sit among the others. */
  block(id: string, data: unknown, indent: number): string {
    const lines = stringify({ [id]: data }, { lineWidth: 0 })
      .trimEnd()
      .split("\n");
    return `${lines.map((line) => " ".repeat(indent) + line).join("\n")}\n`;
  }

  lineStart(offset: number): number {
    return this.source.lastIndexOf("\n", offset - 1) + 1;
  }

  column(node: Node): number {
    const [start] = rangeOf(node);
    return start - this.lineStart(start);
  }

  /**
   * Returns where a node's own text ends: after the line end that follows its last value, so
   * that comment lines after it, which the parser attaches to it, stay with what follows.
   */
  contentEnd(node: Node): number {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      const last = node.items[node.items.length - 1]!;
      const inner = isMap(node) ? (last as Pair).value : last;
      if (inner && (isScalar(inner) || isCollection(inner) || isAlias(inner))) {
        return this.contentEnd(inner as Node);
      }
    }
    const [, end] = rangeOf(node);
    if (end > 0 && this.source[end - 1] === "\n") return end;
    const lineEnd = this.source.indexOf("\n", end);
    return lineEnd < 0 ? this.source.length : lineEnd + 1;
  }

  /** Returns the edited text, or undefined when two edits overlap. */
  apply(): string | undefined {
    if (this.failed) return undefined;
    const edits = [...this.edits].sort(
      (a, b) => a.start - b.start || a.end - b.end || a.order - b.order,
    );
    let result = "";
    let position = 0;
    let lineEndAdded = this.source.endsWith("\n");
    for (const edit of edits) {
      if (edit.start < position) return undefined;
      // A file whose last line has no line end gets one before a line added after it.
      if (edit.start === this.source.length && !lineEndAdded && edit.text.endsWith("\n")) {
        edit.text = `\n${edit.text}`;
        lineEndAdded = true;
      }
      result += this.source.slice(position, edit.start) + edit.text;
      position = edit.end;
    }
    return result + this.source.slice(position);
  }
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as Node | undefined)?.range;
  if (!range) throw new Error("node without a position");
  return [range[0], range[1]];
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyOf(pair) === key) as Pair | undefined;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? (pair.key as Scalar).value : pair.key);
}

/** Writes a number with at least `decimals` places, as 98.0; more places are kept as given. */
export function formatDecimal(value: number, decimals: number): string {
  const text = String(value);
  const places = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
  return places < decimals && !text.includes("e") ? value.toFixed(decimals) : text;
}
