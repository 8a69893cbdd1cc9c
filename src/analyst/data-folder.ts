import { existsSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { readCatalogueFile } from "../data/catalogue-file.ts";
import { displayPath } from "../data/display-path.ts";
import { DATA_EXTENSIONS, readDataFile } from "../data/load.ts";
import { readMonthFile } from "../data/month-file.ts";
import type { Problem } from "../data/problems.ts";
import type { SourceDocument } from "../data/source-document.ts";
import { formatMonth, isMonth, previousMonth } from "../model/period.ts";
import type { Catalogue, MonthReport } from "../model/types.ts";

/** Returns the month files in a folder by period, oldest first. */
export function listMonthFiles(directory: string): Map<string, string> {
  const months = new Map<string, string>();
  if (!existsSync(directory)) return months;
  for (const name of readdirSync(directory).sort()) {
    const extension = extname(name);
    const stem = name.slice(0, name.length - extension.length);
    if (DATA_EXTENSIONS.includes(extension) && isMonth(stem))
      months.set(stem, join(directory, name));
  }
  return months;
}

/** Reads and checks the catalogue in a folder; the catalogue is absent when it has an error. */
export function readCatalogueIn(directory: string): { catalogue?: Catalogue; problems: Problem[] } {
  const file = DATA_EXTENSIONS.map((extension) => join(directory, `catalogue${extension}`)).find(
    existsSync,
  );
  if (!file) {
    return {
      problems: [
        {
          severity: "error",
          file: displayPath(join(directory, "catalogue.yaml")),
          line: 1,
          column: 1,
          field: "",
          message: "missing catalogue file",
          hint: "run the command in the project folder, or set SCORECARD_DATA to the data folder",
        },
      ],
    };
  }
  const { document, problems } = readDataFile(file, "catalogue");
  if (!document) return { problems };
  const result = readCatalogueFile(document);
  problems.push(...result.problems);
  return problems.some((problem) => problem.severity === "error")
    ? { problems }
    : { catalogue: result.catalogue, problems };
}

/**
 * Reads one month file for comparison. The month is returned whenever its YAML can be read, even
 * with errors in it, because new-month only shows its figures as comments.
 */
export function readMonthIn(
  file: string,
  catalogue: Catalogue,
  period: string,
): { month?: MonthReport; document?: SourceDocument; problems: Problem[] } {
  const { document, problems } = readDataFile(file, "month");
  if (!document) return { problems };
  const result = readMonthFile(document, catalogue, period);
  return { month: result.month, document, problems: [...problems, ...result.problems] };
}

export interface NewMonthCheck {
  /** The reason the month must not be started, in a sentence that says what to do instead. */
  rejection?: string;
  /** The latest existing month before the new one, whose figures are shown for comparison. */
  comparison?: { period: string; file: string };
}

/**
 * Decides whether a new month file may be started in a folder. A month that exists is never
 * overwritten. Otherwise the month must follow an existing month, unless `force` is set (for the
 * first month of a folder, or to leave a gap on purpose).
 */
export function checkNewMonth(directory: string, period: string, force: boolean): NewMonthCheck {
  const months = listMonthFiles(directory);
  const existing = months.get(period);
  if (existing) {
    return {
      rejection:
        `${displayPath(existing)} already exists, and an existing month is never overwritten: ` +
        "edit the file, or delete it first to start the month again",
    };
  }
  const earlier = [...months.keys()].filter((month) => month < period);
  const latest = earlier[earlier.length - 1];
  const comparison = latest ? { period: latest, file: months.get(latest)! } : undefined;
  if (force) return comparison ? { comparison } : {};

  if (months.size === 0) {
    return {
      rejection: `${displayPath(directory)} has no month file yet: use --force to start the first month`,
    };
  }
  if (!latest) {
    // No earlier month exists to start first, so the advice for a gap below would not apply.
    const [earliest, earliestFile] = [...months.entries()][0]!;
    return {
      rejection:
        `${formatMonth(period)} is before the earliest month, ${formatMonth(earliest)} ` +
        `(${displayPath(earliestFile)}): only a month after an existing one can be started. ` +
        "Write the file by hand, or use --force",
    };
  }
  if (latest !== previousMonth(period)) {
    return {
      rejection:
        `${formatMonth(period)} does not follow an existing month: the latest month before it is ` +
        `${formatMonth(latest)} (${displayPath(comparison!.file)}). ` +
        `Start ${formatMonth(previousMonth(period))} first, or use --force to leave a gap`,
    };
  }
  return { comparison };
}
