/** Returns a count with its noun, made plural by an "s" unless the count is one: "1 row", "2 rows". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
