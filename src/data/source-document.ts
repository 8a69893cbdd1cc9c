import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Alias,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { withEnvironmentCopy } from "./environment-copy.ts";
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

/**
 * Problems listed for one file at most. A file with more has a systematic fault, and the loader
 * passes each file's list on by spreading it into a call, which a list of a hundred thousand
 * overflows.
 */
const MAX_PROBLEMS_PER_FILE = 1_000;

// YAML 1.1 read these as booleans; YAML 1.2 reads them as text. Either reading may be wrong.
const YAML_1_1_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Parses YAML 1.2 (core schema) or JSON text. A byte-order mark and CRLF line ends are accepted.
 * Dates and periods stay strings, duplicate keys are errors, and a bare yes/no/on/off is an error
 * because spreadsheets and older YAML tools disagree on what it means.
 */
export function parseSourceDocument(file: string, text: string): SourceDocument {
  const parsed = parseWithoutLimit(file, text);
  if (parsed.problems.length <= MAX_PROBLEMS_PER_FILE) return parsed;
  const [last] = parsed.problems.slice(MAX_PROBLEMS_PER_FILE - 1);
  return {
    ...parsed,
    problems: [
      ...parsed.problems.slice(0, MAX_PROBLEMS_PER_FILE - 1),
      {
        severity: "error",
        file,
        line: last!.line,
        column: last!.column,
        field: "",
        message: `${parsed.problems.length - MAX_PROBLEMS_PER_FILE + 1} more problems in this file, not listed`,
        hint: "fix the problems listed, then check the file again",
      },
    ],
  };
}

function parseWithoutLimit(file: string, text: string): SourceDocument {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const document = withEnvironmentCopy(() =>
    parseDocument(source, {
      lineCounter,
      version: "1.2",
      schema: "core",
      // NodeChecker reports duplicate keys itself, naming the first one, and in one pass: the
      // yaml package compares each key with every earlier one of its map.
      uniqueKeys: false,
      merge: false,
      prettyErrors: false,
      strict: true,
    }),
  );

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const problems: Problem[] = [];
  // An explicit tag is reported once below, by NodeChecker, rather than by the yaml package too.
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
  const checker = new NodeChecker(file, position);
  checker.walk(null, document.contents);
  // One at a time: spreading a hundred thousand problems into one call overflows the stack.
  for (const found of [
    checker.ambiguousBooleans,
    checker.explicitTags,
    checker.controlCharacters,
    checker.unresolvedAliases,
    checker.selfReferringAliases,
    checker.collectionKeys,
    checker.duplicateKeys,
  ]) {
    for (const problem of found) problems.push(problem);
  }

  const locateNode = (path: readonly PathSegment[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = nodeAt(document.contents, path.slice(0, length));
      if (node?.range) return position(node.range[0]);
    }
    return { line: 1, column: 1 };
  };

  const locateKey = (path: readonly PathSegment[]) => {
    const parent = nodeAt(document.contents, path.slice(0, -1));
    const key = pairWithKey(parent, path[path.length - 1]!)?.key;
    if (isNode(key) && key.range) return position(key.range[0]);
    return locateNode(path);
  };

  // A duplicate key leaves the rest of the file readable, so its other problems can still be found.
  const readable =
    checker.unresolvedAliases.length === 0 &&
    checker.selfReferringAliases.length === 0 &&
    checker.collectionKeys.length === 0 &&
    checker.explicitTags.length === 0 &&
    document.errors.every((error) => error.code === "DUPLICATE_KEY");
  let data: unknown;
  if (readable) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        severity: "error",
        file,
        ...(checker.firstAlias?.range
          ? position(checker.firstAlias.range[0])
          : { line: 1, column: 1 }),
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

type Position = (offset: number) => { line: number; column: number };

/** A collection or pair on the way from the document's root to the node being checked. */
type Ancestor = YAMLMap | YAMLSeq | Pair;

/** The place of a node in its parent: an index in a collection, or the key or value of a pair. */
type ChildKey = number | "key" | "value" | null;

/**
 * Checks every node of a parsed document in one depth-first walk, in the order of the yaml
 * package's `visit` (a node before its children, a key before its value), and collects the
 * problems of each check in document order.
 *
 * The walk keeps one stack of ancestors and builds a node's data path only for a problem. One
 * `visit` per check was slower, because `visit` (yaml 2.9.1) copies and freezes its list of
 * ancestors at every collection and pair.
 */
class NodeChecker {
  readonly ambiguousBooleans: Problem[] = [];
  readonly explicitTags: Problem[] = [];
  readonly controlCharacters: Problem[] = [];
  readonly unresolvedAliases: Problem[] = [];
  readonly selfReferringAliases: Problem[] = [];
  readonly collectionKeys: Problem[] = [];
  readonly duplicateKeys: Problem[] = [];
  /** The first alias in the document, where a problem with expanding aliases is reported. */
  firstAlias: Alias | undefined;

  private readonly ancestors: Ancestor[] = [];
  /** The latest node of each anchor (&name) so far in the walk, which an alias (*name) repeats. */
  private readonly anchors = new Map<string, Node>();

  constructor(
    private readonly file: string,
    private readonly position: Position,
  ) {}

  /** Checks `node` and every node inside it. `key` is null for the document's root. */
  walk(key: ChildKey, node: unknown): void {
    if (isPair(node)) {
      this.checkKeyIsScalar(node);
      this.ancestors.push(node);
      this.walk("key", node.key);
      this.walk("value", node.value);
      this.ancestors.pop();
      return;
    }
    if (!isNode(node)) return;

    this.checkTag(node);
    if (isScalar(node)) {
      this.checkAmbiguousBoolean(key, node);
      this.checkControlCharacters(node);
    } else if (isAlias(node)) {
      this.firstAlias ??= node;
      this.checkAlias(node);
    }
    // As in yaml's Alias#resolve, an alias refers to an anchor anywhere before it in this order,
    // even one on a collection that contains the alias, so an anchor is recorded before the items.
    if (node.anchor) this.anchors.set(node.anchor, node);

    if (isMap(node) || isSeq(node)) {
      this.ancestors.push(node);
      for (let index = 0; index < node.items.length; index++) this.walk(index, node.items[index]);
      this.ancestors.pop();
    }
    if (isMap(node)) this.checkKeysDiffer(node);
  }

  /**
   * Reports a key that names the same field as an earlier key of the map: the same key again, an
   * alias of the earlier key, or 1 after "1". The parsed data merge such keys into one field, so
   * the later value would win without a word.
   */
  private checkKeysDiffer(map: YAMLMap): void {
    const earlier = new Map<string, Node>();
    for (const pair of map.items) {
      // NOTE: aliases are looked up after the whole map is walked, so when an anchor name is
      // reused later in the same map, the alias resolves to the later key and the check misses.
      const key = isAlias(pair.key) ? this.anchors.get(pair.key.source) : pair.key;
      if (!isScalar(key) || !isNode(pair.key) || !pair.key.range) continue;
      const name = dataKey(key);
      const first = earlier.get(name);
      if (!first?.range) {
        earlier.set(name, pair.key);
        continue;
      }
      const firstLine = this.position(first.range[0]).line;
      const same = describeKey(first) === describeKey(pair.key);
      this.ancestors.push(map, pair);
      this.duplicateKeys.push({
        severity: "error",
        file: this.file,
        ...this.position(pair.key.range[0]),
        field: this.fieldOf(pair.key),
        message: "duplicate key: the same field is given twice",
        found: same
          ? `${describeKey(pair.key)} again, first given on line ${firstLine}`
          : `${describeKey(pair.key)}, the same field as ${describeKey(first)} on line ${firstLine}`,
        hint: "keep one of the two entries and delete the other",
      });
      this.ancestors.length -= 2;
    }
  }

  /** Reports an unquoted yes, no, on or off (and their variants) given as a value. */
  private checkAmbiguousBoolean(key: ChildKey, node: Scalar): void {
    if (node.type !== "PLAIN" || typeof node.value !== "string") return;
    if (!YAML_1_1_BOOLEANS.test(node.value) || !node.range) return;
    const isMapKey = isPair(this.ancestors[this.ancestors.length - 1]) && key === "key";
    if (isMapKey) return;
    this.ambiguousBooleans.push({
      severity: "error",
      file: this.file,
      ...this.position(node.range[0]),
      field: this.fieldOf(node),
      message: `ambiguous unquoted ${node.value}`,
      expected: "text in quotes, or true or false",
      found: `${node.value} without quotes`,
      hint: `older YAML reads ${node.value} as a yes/no value; write "${node.value}" in quotes if you mean the word`,
    });
  }

  /** Reports an explicit tag such as !!float or !!binary, because data files use plain YAML only. */
  private checkTag(node: Node): void {
    if (!node.tag || !node.range) return;
    this.explicitTags.push({
      severity: "error",
      file: this.file,
      ...this.position(node.range[0]),
      field: this.fieldOf(node),
      message: "explicit YAML tag not allowed",
      found: node.tag.replace("tag:yaml.org,2002:", "!!"),
      hint: "remove the tag and write the value plainly: a number, or text in quotes",
    });
  }

  /** Reports text containing a control character, which usually comes from a bad copy and paste. */
  private checkControlCharacters(node: Scalar): void {
    if (typeof node.value !== "string" || !node.range) return;
    const match = CONTROL_CHARACTER.exec(node.value);
    if (!match) return;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    this.controlCharacters.push({
      severity: "error",
      file: this.file,
      ...this.position(node.range[0]),
      field: this.fieldOf(node),
      message:
        match[0] <= "\u007F"
          ? `control character U+${code} in text`
          : `character U+${code} in text, which web pages and feeds cannot carry`,
      hint: "retype the text or delete the invisible character; it often comes from copying out of another program",
    });
  }

  /**
   * Reports an alias (*name) whose anchor (&name) is not defined before it, or whose anchored
   * value contains the alias, which would make the value contain itself without end.
   */
  private checkAlias(node: Alias): void {
    if (!node.range) return;
    const anchored = this.anchors.get(node.source);
    if (!anchored) {
      this.unresolvedAliases.push({
        severity: "error",
        file: this.file,
        ...this.position(node.range[0]),
        field: this.fieldOf(node),
        message: `alias *${node.source} refers to no anchor`,
        hint: `define &${node.source} on an earlier value, or write the value out here`,
      });
    } else if (this.ancestors.includes(anchored as Ancestor)) {
      this.selfReferringAliases.push({
        severity: "error",
        file: this.file,
        ...this.position(node.range[0]),
        field: this.fieldOf(node),
        message: `alias *${node.source} is inside the value it repeats`,
        hint: `a value cannot contain itself: write out what you meant here instead of *${node.source}`,
      });
    }
  }

  /**
   * Reports a key written as a list or a map, since a field's name is text, and a merge key,
   * which YAML 1.2 does not define and tools read differently.
   */
  private checkKeyIsScalar(pair: Pair): void {
    const key = pair.key;
    if (isScalar(key) && key.type === "PLAIN" && key.value === "<<" && key.range) {
      this.collectionKeys.push({
        severity: "error",
        file: this.file,
        ...this.position(key.range[0]),
        field: this.fieldOf(key),
        message: "merge key << not supported",
        expected: "each field written out",
        hint: "write the fields out here instead of merging them in from elsewhere",
      });
      return;
    }
    if (!(isMap(key) || isSeq(key)) || !key.range) return;
    this.collectionKeys.push({
      severity: "error",
      file: this.file,
      ...this.position(key.range[0]),
      field: this.fieldOf(key),
      message: `key written as a ${isMap(key) ? "map" : "list"}`,
      expected: "a field name in plain text",
      hint: "remove the ? before the key, or the brackets around it, and write the field's name",
    });
  }

  private fieldOf(node: Node): string {
    return describeField(pathOfNode(this.ancestors, node));
  }
}

/** Rebuilds the data path of a node from the list of its ancestors, outermost first. */
function pathOfNode(ancestors: readonly unknown[], node: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  ancestors.forEach((ancestor, index) => {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(dataKey(ancestor.key));
    if (isSeq(ancestor)) path.push(ancestor.items.indexOf(child as never));
  });
  return path;
}

/** Returns the node at a data path, matching map keys as the parsed data names them. */
function nodeAt(root: unknown, path: readonly PathSegment[]): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (isSeq(node) && typeof segment === "number") node = node.items[segment];
    else node = pairWithKey(node, segment)?.value;
  }
  return isNode(node) ? node : undefined;
}

/**
 * Returns the pair of a map whose key becomes `key` in the parsed data, where a key such as 1,
 * true or null becomes the text "1", "true" or "" (see dataKey).
 */
function pairWithKey(map: unknown, key: PathSegment): Pair | undefined {
  if (!isMap(map)) return undefined;
  const name = String(key);
  // The parsed data keep the last of two keys with the same name, so its place is the one to show.
  return map.items.findLast((pair) => isScalar(pair.key) && dataKey(pair.key) === name);
}

/** Returns a key as it is written: quoted text in quotes, an alias with its asterisk. */
function describeKey(key: Node): string {
  if (isAlias(key)) return `*${key.source}`;
  if (isScalar(key) && typeof key.value === "string" && key.type !== "PLAIN") {
    return JSON.stringify(key.value);
  }
  return String(isScalar(key) ? key.value : key);
}

/** Returns a key as the parsed data names it: yaml turns a null key into "". */
function dataKey(key: Scalar): string {
  return key.value === null ? "" : String(key.value);
}

// Control characters other than tab and line ends are invisible on a page and invalid in XML, as
// are U+FFFE, U+FFFF and half of a surrogate pair, which would break the feed.
const CONTROL_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
