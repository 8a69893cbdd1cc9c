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

// Aliases may repeat a note or a value; many more than this means aliases of aliases multiplying.
const MAX_ALIAS_COUNT = 1000;

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
  // An explicit tag is reported once below, by findExplicitTags, rather than by the yaml package too.
  const warnings = document.warnings.filter((warning) => warning.code !== "TAG_RESOLVE_FAILED");
  for (const error of [...document.errors, ...warnings]) {
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
  const tagProblems = findExplicitTags(file, document, position);
  problems.push(...tagProblems);
  problems.push(...findControlCharacters(file, document, position));
  const aliasProblems = findUnresolvedAliases(file, document, position);
  problems.push(...aliasProblems);

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
  const readable =
    aliasProblems.length === 0 &&
    tagProblems.length === 0 &&
    document.errors.every((error) => error.code === "DUPLICATE_KEY");
  let data: unknown;
  if (readable) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        severity: "error",
        file,
        ...firstAliasPosition(document, position),
        field: "",
        message: `aliases expand to too many values (${error instanceof Error ? error.message : error})`,
        hint: "write the values out instead of repeating aliases of aliases",
      });
    }
  }
  return { file, data, problems, locate: locateNode, locateKey };
}

function describeYamlError(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key: the same field is given twice";
  if (code === "MULTIPLE_DOCS") return "more than one YAML document in the file";
  // The yaml package's own message is accurate; keep only its first line.
  return `invalid YAML: ${message.split("\n")[0]}`;
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case "DUPLICATE_KEY":
      return "keep one of the two entries and delete the other";
    case "MULTIPLE_DOCS":
      return "a data file holds one document: remove the --- line and move what follows into the file it belongs to";
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

type Position = (offset: number) => { line: number; column: number };

/** Reports every explicit tag such as !!float or !!binary: data files use plain YAML values only. */
function findExplicitTags(file: string, document: Document, position: Position): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Node(_key, node, path) {
      if (!node.tag || !node.range) return;
      problems.push({
        severity: "error",
        file,
        ...position(node.range[0]),
        field: describeField(pathOfNode(path, node)),
        message: "explicit YAML tag not allowed",
        found: node.tag.replace("tag:yaml.org,2002:", "!!"),
        hint: "remove the tag and write the value plainly: a number, or text in quotes",
      });
    },
  });
  return problems;
}

/** Reports every alias (*name) whose anchor (&name) is not defined before it. */
function findUnresolvedAliases(file: string, document: Document, position: Position): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Alias(_key, node, path) {
      if (node.resolve(document) !== undefined || !node.range) return;
      problems.push({
        severity: "error",
        file,
        ...position(node.range[0]),
        field: describeField(pathOfNode(path, node)),
        message: `alias *${node.source} refers to no anchor`,
        hint: `define &${node.source} on an earlier value, or write the value out here`,
      });
    },
  });
  return problems;
}

function firstAliasPosition(
  document: Document,
  position: Position,
): { line: number; column: number } {
  let found = { line: 1, column: 1 };
  visit(document, {
    Alias(_key, node) {
      if (node.range) found = position(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}

// Control characters other than tab and line ends are invisible on a page and invalid in XML.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Reports text containing a control character, which usually comes from a bad copy and paste. */
function findControlCharacters(file: string, document: Document, position: Position): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Scalar(_key, node, path) {
      if (typeof node.value !== "string" || !node.range) return;
      const match = CONTROL_CHARACTER.exec(node.value);
      if (!match) return;
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      problems.push({
        severity: "error",
        file,
        ...position(node.range[0]),
        field: describeField(pathOfNode(path, node)),
        message: `control character U+${code} in text`,
        hint: "retype the text or delete the invisible character; it often comes from copying out of another program",
      });
    },
  });
  return problems;
}
