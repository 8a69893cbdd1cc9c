import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCatalogueFile } from "../data/catalogue-file.ts";
import { compareProblems, countErrors, formatProblem } from "../data/problems.ts";
import { checkAgainstSchema } from "../data/schema-validation.ts";
import { parseSourceDocument } from "../data/source-document.ts";
import { financialYearStart } from "../model/period.ts";
import type { Catalogue } from "../model/types.ts";
import { buildExampleCatalogue } from "./catalogue.ts";
import { EXAMPLE_COUNCIL } from "./council.ts";
import { buildMonthFile } from "./month-files.ts";
import { planScenario, type Scenario } from "./scenario.ts";
import { simulate } from "./simulate.ts";
import { createTimeline } from "./timeline.ts";
import { toYamlText } from "./yaml-output.ts";

export interface ExampleDataOptions {
  /** First month with a file, as YYYY-MM. */
  start: string;
  /** Months in the range, including the one never published. */
  months: number;
  /** Any text. The same seed and options always give the same files. */
  seed: string;
}

export const DEFAULT_OPTIONS: ExampleDataOptions = {
  start: "2019-04",
  months: 60,
  seed: "northdale",
};

export interface ExampleFile {
  /** File name inside the output folder, such as 2020-12.yaml. */
  name: string;
  text: string;
}

export interface ExampleData {
  /** council.yaml, catalogue.yaml, then one file per published month, oldest first. */
  files: ExampleFile[];
  scenario: Scenario;
  /** Catalogue indicators without an example model, which got generic figures. */
  genericIndicators: string[];
}

const REAL_CATALOGUE = fileURLToPath(new URL("../../data/catalogue.yaml", import.meta.url));

const HEADER =
  "Fictional example data made by `npm run example-data`. Northdale County Council does not\n" +
  "exist, and no figure describes a real child. Run the generator again instead of editing.";

/**
 * Generates a fictional council's data folder: its council file, a catalogue based on the real
 * one, and a file for every month of the range except the one never published.
 */
export function generateExampleData(
  options: ExampleDataOptions,
  baseCatalogue: Catalogue = readBaseCatalogue(),
): ExampleData {
  const timeline = createTimeline(options.start, options.months);
  const simulation = simulate(baseCatalogue, timeline, options.seed);
  const scenario = planScenario(timeline, baseCatalogue);
  const firstYear = financialYearStart(options.start);

  const files: ExampleFile[] = [
    { name: "council.yaml", text: toYamlText(EXAMPLE_COUNCIL, HEADER) },
    {
      name: "catalogue.yaml",
      text: toYamlText(buildExampleCatalogue(baseCatalogue, firstYear), HEADER),
    },
  ];
  const context = { catalogue: baseCatalogue, simulation, scenario, seed: options.seed };
  for (const month of timeline.range) {
    if (month === scenario.unpublished) continue;
    files.push({ name: `${month}.yaml`, text: toYamlText(buildMonthFile(month, context), HEADER) });
  }
  return { files, scenario, genericIndicators: simulation.genericIds };
}

/** Reads and checks the real catalogue. Throws with every problem when it has an error. */
export function readBaseCatalogue(file = REAL_CATALOGUE): Catalogue {
  const document = parseSourceDocument(file, readFileSync(file, "utf8"));
  const problems = [...document.problems];
  if (document.data !== undefined)
    problems.push(...checkAgainstSchema(document, "catalogue").problems);
  if (countErrors(problems) === 0) {
    const result = readCatalogueFile(document);
    problems.push(...result.problems);
    if (countErrors(problems) === 0) return result.catalogue;
  }
  const lines = [...problems].sort(compareProblems).map(formatProblem);
  throw new Error(`the catalogue the example data is based on has errors:\n${lines.join("\n")}`);
}
