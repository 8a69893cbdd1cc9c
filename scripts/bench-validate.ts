/**
 * Measures how long validation takes on years of data. It writes a synthetic data folder of 120
 * month files (April 2011 to March 2021) built from the catalogue, each about the size of a real
 * month file. Then it runs loadDataset on the folder in a fresh process twice: first with an
 * empty parse cache, then with the cache the first run left. Start-up (loading Node, tsx and the
 * modules) is not counted, so the time printed is loadDataset's alone, as validate prints it.
 *
 *   npx tsx scripts/bench-validate.ts [MONTHS]
 *
 * The figures written are arithmetic filler for timing only; the folders are deleted afterwards.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { loadDataset } from "../src/data/load.ts";
import { countErrors } from "../src/data/problems.ts";
import { addMonths } from "../src/model/period.ts";
import type { Indicator } from "../src/model/types.ts";

if (process.argv[2] === "--measure") {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = loadDataset(process.argv[3]!);
  const milliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const errors = countErrors(result.problems);
  // CPU time is printed too, because on a busy machine the elapsed time includes waiting.
  console.log(
    `${result.filesRead} files checked in ${milliseconds.toFixed(0)} ms elapsed, ` +
      `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU ` +
      `(${errors} errors, ${result.problems.length - errors} warnings)`,
  );
} else {
  benchmark(Number(process.argv[2] ?? 120));
}

function benchmark(monthCount: number): void {
  const folder = mkdtempSync(join(tmpdir(), "scorecard-bench-data-"));
  const cache = mkdtempSync(join(tmpdir(), "scorecard-bench-cache-"));
  try {
    writeMonths(folder, monthCount);
    const measure = () =>
      execFileSync(
        process.execPath,
        ["--import", "tsx", fileURLToPath(import.meta.url), "--measure", folder],
        {
          env: { ...process.env, SCORECARD_CACHE: cache },
          encoding: "utf8",
        },
      ).trim();
    console.log(`${monthCount} months, empty parse cache:  ${measure()}`);
    console.log(`${monthCount} months, filled parse cache: ${measure()}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

function writeMonths(folder: string, monthCount: number): void {
  copyFileSync("data/catalogue.yaml", join(folder, "catalogue.yaml"));
  copyFileSync("data/council.yaml", join(folder, "council.yaml"));
  const catalogue = loadDataset("data").dataset?.catalogue;
  if (!catalogue) throw new Error("data/ has errors: run npm run validate first");

  const first = addMonths("2021-03", 1 - monthCount);
  for (let index = 0; index < monthCount; index++) {
    const period = addMonths(first, index);
    const indicators = Object.fromEntries(
      catalogue.indicators.map((indicator) => [indicator.id, fillerReport(indicator, index)]),
    );
    const commentary = Object.fromEntries(
      catalogue.sections.map((section) => [
        section.id,
        `Filler commentary for ${period}. `.repeat(8),
      ]),
    );
    writeFileSync(join(folder, `${period}.yaml`), stringify({ period, indicators, commentary }));
  }
}

/** Returns a consistent report: breakdowns add up, percentages match their parts, notes pad it. */
function fillerReport(indicator: Indicator, index: number): Record<string, unknown> {
  const note = `Filler note for ${indicator.id}, written only to give the file a realistic size.`;
  const total = 600 + (index % 7);
  if (indicator.breakdown) {
    const categories = indicator.breakdown.categories;
    const share = Math.floor(total / categories.length);
    return {
      breakdown: Object.fromEntries(
        categories.map((category, position) => [
          category.id,
          { value: position === 0 ? total - share * (categories.length - 1) : share, note },
        ]),
      ),
    };
  }
  if (indicator.unit === "percent") {
    const denominator = 200 + (index % 11);
    const numerator = denominator - (index % 5);
    const value = Math.round((1000 * numerator) / denominator) / 10;
    return { value, numerator, denominator, note };
  }
  return { value: indicator.id === "children-in-care" ? total : 20 + (index % 3), note };
}
