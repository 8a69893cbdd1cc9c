import { Document, isMap, isScalar, isSeq, Scalar, visit } from "yaml";

/** Months, financial quarters, financial years and dates: quoted so no reader takes them for numbers or dates. */
const PERIOD_OR_DATE = /^\d{4}(-\d{2}(-\d{2})?|\/\d{2}( Q[1-4])?)$/;

/** Text longer than this is written as a folded block, as the hand-written data files do. */
const MAXIMUM_INLINE_TEXT = 80;

const LINE_WIDTH = 100;

/**
 * Writes a value as YAML text with a comment at the top. Keys keep the order of the value's
 * properties, periods and dates are double-quoted, long text is folded, and the entries of
 * series and breakdowns are written on one line each.
 */
export function toYamlText(value: unknown, headerComment: string): string {
  const document = new Document(value);
  document.commentBefore = headerComment
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");

  visit(document, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) return;
      const name = pair.key.value;
      if (name === "series" && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
      if (name === "breakdown" && isMap(pair.value)) {
        for (const item of pair.value.items) if (isMap(item.value)) item.value.flow = true;
      }
    },
  });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value !== "string") return;
      if (PERIOD_OR_DATE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.length > MAXIMUM_INLINE_TEXT) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  return document.toString({ lineWidth: LINE_WIDTH });
}
