import type { PathSegment } from "./source-document.ts";

const SINGULAR: Record<string, string> = {
  indicators: "indicator",
  sections: "section",
  targets: "target",
  series: "series entry",
  categories: "category",
  breakdown: "breakdown",
  commentary: "commentary for section",
  revisions: "revision",
  measures: "measure",
};

/**
 * Names a field in words from its path in a data file, using ids where the data has them:
 * ["indicators", "adopted", "series", 2, "value"] becomes "indicator adopted, series entry 3, value".
 */
export function describeField(path: readonly PathSegment[], data?: unknown): string {
  const words: string[] = [];
  let node: unknown = data;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]!;
    const next = path[index + 1];
    const collection = SINGULAR[String(segment)];
    node = childOf(node, segment);
    if (collection !== undefined && next !== undefined) {
      const child = childOf(node, next);
      words.push(`${collection} ${typeof next === "number" ? nameOfEntry(next, child) : next}`);
      node = child;
      index++;
    } else {
      words.push(typeof segment === "number" ? `entry ${segment + 1}` : segment);
    }
  }
  return words.join(", ");
}

/** An array entry is named by its id or period when it has one, else by its 1-based position. */
function nameOfEntry(index: number, entry: unknown): string {
  if (entry && typeof entry === "object") {
    const record = entry as Record<string, unknown>;
    if (typeof record.id === "string") return record.id;
    if (typeof record.period === "string") return `${index + 1} (${record.period})`;
  }
  return String(index + 1);
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (node === null || typeof node !== "object") return undefined;
  return (node as Record<string, unknown>)[segment as string];
}
