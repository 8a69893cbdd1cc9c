import { describe, expect, it } from "vitest";
import { titleOnDate } from "../src/site/comparator-view.ts";

describe("comparator caption date", () => {
  it.each([
    ["Children in care on 31 March", "2021-03-31", "Children in care on 31 March 2021"],
    [
      "Children in care on 31 March per 10,000 children",
      "2021-03-31",
      "Children in care on 31 March 2021 per 10,000 children",
    ],
    [
      "Children in care on 31 March with three or more placements during the year",
      "2022-03-31",
      "Children in care on 31 March 2022 with three or more placements during the year",
    ],
    [
      "Average caseload of social workers (FTE)",
      "2020-09-30",
      "Average caseload of social workers (FTE), 30 September 2020",
    ],
    [
      "Children in care on 31 March",
      "2020-09-30",
      "Children in care on 31 March, 30 September 2020",
    ],
    ["Children in care on 31 March 2021", "2021-03-31", "Children in care on 31 March 2021"],
  ])("%s on %s", (title, date, expected) => {
    expect(titleOnDate(title, date)).toBe(expected);
  });
});
