import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { displayPath } from "../data/load.ts";
import type { Problem } from "../data/problems.ts";
import { isMonth } from "../model/period.ts";
import { checkNewMonth, readCatalogueIn, readMonthIn } from "./data-folder.ts";
import { writeMonthTemplate, type TemplateComparison } from "./month-template.ts";

export interface NewMonthResult {
  /** The file written, when one was. */
  file?: string;
  /** Why nothing was written. */
  rejection?: string;
  /** Problems in the catalogue, or in the comparison month that stopped its figures being shown. */
  problems: Problem[];
  /** The month whose figures the comments show. */
  comparedWith?: string;
}

/**
 * Starts a month file in `directory` from the catalogue and the latest earlier month, without
 * overwriting anything. See checkNewMonth for which months may be started.
 */
export function startNewMonth(directory: string, period: string, force: boolean): NewMonthResult {
  if (!isMonth(period)) {
    return {
      rejection: `invalid month "${period}": expected YYYY-MM, for example 2021-01`,
      problems: [],
    };
  }
  const check = checkNewMonth(directory, period, force);
  if (check.rejection) return { rejection: check.rejection, problems: [] };

  const { catalogue, problems } = readCatalogueIn(directory);
  if (!catalogue) {
    return {
      rejection: "the catalogue has errors: fix them first (npm run validate lists them)",
      problems,
    };
  }

  let comparison: TemplateComparison | undefined;
  if (check.comparison) {
    const read = readMonthIn(check.comparison.file, catalogue, check.comparison.period);
    if (read.month && read.document) {
      comparison = {
        month: read.month,
        fileName: basename(check.comparison.file),
        data: read.document.data,
      };
    } else {
      problems.push(...read.problems);
    }
  }

  const file = join(directory, `${period}.yaml`);
  // The "wx" flag fails if the file appeared since the check, so a month is never overwritten.
  writeFileSync(file, writeMonthTemplate(catalogue, period, comparison), { flag: "wx" });
  const result: NewMonthResult = { file: displayPath(file), problems };
  if (comparison) result.comparedWith = comparison.month.period;
  return result;
}
