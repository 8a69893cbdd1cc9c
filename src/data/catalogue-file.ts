import type { Catalogue, Indicator, Unit } from "../model/types.ts";
import { closestMatch } from "./closest-match.ts";
import { describeField } from "./field-names.ts";
import type { Problem } from "./problems.ts";
import type { PathSegment, SourceDocument } from "./source-document.ts";

const DEFAULT_DECIMALS: Record<Unit, number> = { count: 0, percent: 1, days: 0, rate: 0 };

/**
 * Reads a catalogue that has passed its schema, checking what the schema cannot: ids are unique,
 * every section and total named exists, and targets are sensible for their unit.
 */
export function readCatalogueFile(document: SourceDocument): {
  catalogue: Catalogue;
  problems: Problem[];
} {
  const raw = document.data as Catalogue;
  const problems: Problem[] = [];
  const report = (
    path: PathSegment[],
    details: Pick<Problem, "message" | "expected" | "found" | "hint">,
  ) =>
    problems.push({
      severity: "error",
      file: document.file,
      ...document.locate(path),
      field: describeField(path, raw),
      ...details,
    });

  reportDuplicateIds(raw.sections, ["sections"], report);
  reportDuplicateIds(raw.indicators, ["indicators"], report);

  // Each id once, even when the catalogue repeats one (reported above).
  const sectionIds = [...new Set(raw.sections.map((section) => section.id))];
  const indicators: Indicator[] = raw.indicators.map((indicator, index) => {
    const path: PathSegment[] = ["indicators", index];
    if (!sectionIds.includes(indicator.section)) {
      const suggestion = closestMatch(indicator.section, sectionIds);
      report([...path, "section"], {
        message: `unknown section "${indicator.section}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `the sections are ${sectionIds.join(", ")}`,
      });
    }
    const totalOf = indicator.breakdown?.totalOf;
    const total = raw.indicators.find((candidate) => candidate.id === totalOf);
    if (totalOf !== undefined && !total) {
      report([...path, "breakdown", "totalOf"], {
        message: `unknown indicator "${totalOf}"`,
        hint: "totalOf names the indicator whose value the categories add up to",
      });
    } else if (
      total &&
      (total.id === indicator.id || total.unit !== "count" || indicator.unit !== "count")
    ) {
      report([...path, "breakdown", "totalOf"], {
        message: "a breakdown can only add up to another indicator's count",
        found: `${totalOf} (${total.unit})`,
        hint: "name the count the categories divide, such as children-in-care",
      });
    }
    if (indicator.breakdown) {
      reportDuplicateIds(
        indicator.breakdown.categories,
        [...path, "breakdown", "categories"],
        report,
      );
    }
    const targetMonths = new Set<string>();
    (indicator.targets ?? []).forEach((target, targetIndex) => {
      if (targetMonths.has(target.from)) {
        report([...path, "targets", targetIndex, "from"], {
          message: "two targets start in the same month",
          found: target.from,
          hint: "keep one target for each starting month",
        });
      }
      targetMonths.add(target.from);
      if (indicator.unit === "percent" && (target.value < 0 || target.value > 100)) {
        report([...path, "targets", targetIndex, "value"], {
          message: "percentage target out of range",
          expected: "a number from 0 to 100",
          found: String(target.value),
        });
      }
    });
    if ((indicator.targets ?? []).length > 0 && indicator.polarity === "none") {
      report([...path, "polarity"], {
        message: "an indicator with a target must say which direction is better",
        expected: "higher-is-better or lower-is-better",
        found: "none",
      });
    }
    return {
      ...indicator,
      decimals: indicator.decimals ?? DEFAULT_DECIMALS[indicator.unit],
      targets: indicator.targets ?? [],
    };
  });

  return { catalogue: { sections: raw.sections, indicators }, problems };
}

function reportDuplicateIds(
  entries: readonly { id: string }[],
  path: PathSegment[],
  report: (path: PathSegment[], details: Pick<Problem, "message" | "hint">) => void,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      report([...path, index, "id"], {
        message: `duplicate id "${entry.id}"`,
        hint: "every id in a list must be different",
      });
    }
    seen.add(entry.id);
  });
}
