/** The fictional council the example data is published for. */
export const EXAMPLE_COUNCIL = {
  name: "Northdale County Council",
  // 999 is not a Department for Education local authority code, so no real comparator matches it.
  code: "999",
  scorecardTitle: "Corporate Parenting Scorecard",
  fictional: true,
} as const;
