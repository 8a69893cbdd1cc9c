import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { displayPath } from "../data/display-path.ts";
import type { Problem } from "../data/problems.ts";
import { isMonth } from "../model/period.ts";
import type { Catalogue } from "../model/types.ts";
import { checkNewMonth, readCatalogueIn, readMonthIn } from "./data-folder.ts";
import { writeMonthTemplate, type TemplateComparison } from "./month-template.ts";

export interface NewMonth {
  /** The path the month file goes to. */
  file: string;
  text: string;
  /** The month whose figures the comments show. */
  comparedWith?: string;
  /** Problems in the comparison month that stopped its figures being shown. */
  problems: Problem[];
}

/**
 * Writes the text of a new month file for `directory`, without writing the file. Returns why
 * not when the month may not be started: see checkNewMonth.
 */
export function draftNewMonth(
  directory: string,
  catalogue: Catalogue,
  period: string,
  force: boolean,
): NewMonth | { rejection: string } {
  if (!isMonth(period))
    return { rejection: `invalid month "${period}": expected YYYY-MM, for example 2021-01` };
  const check = checkNewMonth(directory, period, force);
  if (check.rejection) return { rejection: check.rejection };

  const problems: Problem[] = [];
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
  const draft: NewMonth = {
    file: join(directory, `${period}.yaml`),
    text: writeMonthTemplate(catalogue, period, comparison),
    problems,
  };
  if (comparison) draft.comparedWith = comparison.month.period;
  return draft;
}

export interface NewMonthResult {
  /** The file written, when one was. */
  file?: string;
  /** The reason nothing was written. */
  rejection?: string;
  /** Problems in the catalogue, or in the comparison month that stopped its figures being shown. */
  problems: Problem[];
  comparedWith?: string;
}

/** Starts a month file in `directory` from the catalogue and the latest earlier month. */
export function startNewMonth(directory: string, period: string, force: boolean): NewMonthResult {
  const { catalogue, problems } = readCatalogueIn(directory);
  if (!catalogue) {
    return {
      rejection: "the catalogue has errors: fix them first (npm run validate lists them)",
      problems,
    };
  }
  const draft = draftNewMonth(directory, catalogue, period, force);
  if ("rejection" in draft) return { rejection: draft.rejection, problems };
  // The "wx" flag fails if the file appeared since the check, so a month is never overwritten.
  writeFileSync(draft.file, draft.text, { flag: "wx" });
  const result: NewMonthResult = {
    file: displayPath(draft.file),
    problems: [...problems, ...draft.problems],
  };
  if (draft.comparedWith) result.comparedWith = draft.comparedWith;
  return result;
}
