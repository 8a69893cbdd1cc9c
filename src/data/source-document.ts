import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from "yaml";
import { describeField } from "./field-names.ts";
import type { Problem } from "./problems.ts";

export type PathSegment = string | number;

/**
 * A data file parsed with every node's position kept, so that any problem found later, by the
 * schema or by a consistency check, can point at the line and column that caused it.
 */
export interface SourceDocument {
  file: string;
  data: unknown;
  problems: Problem[];
  /** Returns the line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PathSegment[]): { line: number; column: number };
  /** Returns the line and column of the key that names the value at `path`. */
  locateKey(path: readonly PathSegment[]): { line: number; column: number };
}

// YAML 1.1 read these as booleans; YAML 1.2 reads them as text. Either reading may be wrong.
const YAML_1_1_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Parses YAML 1.2 (core schema) or JSON text. A byte-order mark and CRLF line ends are accepted.
 * Dates and periods stay strings, duplicate keys are errors, and a bare yes/no/on/off is an error
 * because spreadsheets and older YAML tools disagree on what it means.
 */
export function parseSourceDocument(file: string, text: string): SourceDocument {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    lineCounter,
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
  });

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const problems: Problem[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    problems.push({
      severity: "error",
      file,
      ...position(error.pos[0]),
      field: "",
      message: describeYamlError(error.code, error.message),
      hint: yamlHint(error.code),
    });
  }
  problems.push(...findAmbiguousBooleans(file, document, position));

  const locateNode = (path: readonly PathSegment[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length), true) as Node | undefined;
      if (node?.range) return position(node.range[0]);
    }
    return { line: 1, column: 1 };
  };

  const locateKey = (path: readonly PathSegment[]) => {
    const parent = document.getIn(path.slice(0, -1), true);
    const key = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return position(keyNode.range[0]);
    }
    return locateNode(path);
  };

  // A duplicate key leaves the rest of the file readable, so its other problems can still be found.
  const readable = document.errors.every((error) => error.code === "DUPLICATE_KEY");
  const data = readable ? document.toJS({ maxAliasCount: 1000 }) : undefined;
  return { file, data, problems, locate: locateNode, locateKey };
}

function describeYamlError(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key: the same field is given twice";
  // The yaml package's own message is accurate; keep only its first line.
  return `invalid YAML: ${message.split("\n")[0]}`;
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case "DUPLICATE_KEY":
      return "keep one of the two entries and delete the other";
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation and punctuation on this line and the one before";
    default:
      return "check the syntax on this line; text containing ': ' or '#' must be in quotes";
  }
}

function findAmbiguousBooleans(
  file: string,
  document: Document,
  position: (offset: number) => { line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Scalar(key, node, path) {
      if (node.type !== "PLAIN" || typeof node.value !== "string") return;
      if (!YAML_1_1_BOOLEANS.test(node.value) || !node.range) return;
      const isMapKey = isPair(path[path.length - 1]) && key === "key";
      if (isMapKey) return;
      problems.push({
        severity: "error",
        file,
        ...position(node.range[0]),
        field: describeField(pathOfNode(path, node)),
        message: `ambiguous unquoted ${node.value}`,
        expected: "text in quotes, or true or false",
        found: `${node.value} without quotes`,
        hint: `older YAML reads ${node.value} as a yes/no value; write "${node.value}" in quotes if you mean the word`,
      });
    },
  });
  return problems;
}

/** Rebuilds the data path of a node from the yaml visitor's list of its ancestors. */
function pathOfNode(ancestors: readonly unknown[], node: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  ancestors.forEach((ancestor, index) => {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
    if (isSeq(ancestor)) path.push(ancestor.items.indexOf(child as never));
  });
  return path;
}
