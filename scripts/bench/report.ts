import type { ProcessMeasurement } from "./run-measured.ts";
import type { SiteMeasurement } from "./measure-site.ts";
import type { ValidationTiming } from "./validation-timing.ts";

export interface BenchResults {
  years: number;
  months: number;
  cores: number;
  validation: ValidationTiming;
  /** The machine's one-minute load average when the benchmark started and when it ended. */
  loadAverage: { start: number; end: number };
  /** Each round's ratio of the scorecard's cold build time to the plain site's, in order. */
  coldRatios: number[];
  scorecard: {
    /** The cold build with the median wall time. */
    cold: ProcessMeasurement;
    /** A plain build with nothing changed, which leaves the output folder as it is. */
    warm: ProcessMeasurement;
    /** A build with --force and nothing changed, which runs Astro again. */
    forced: ProcessMeasurement;
    addMonth: ProcessMeasurement;
  };
  /** `cold` is the cold build with the median wall time. */
  plain: { cold: ProcessMeasurement; warm: ProcessMeasurement };
  scorecardSite: SiteMeasurement;
  plainSite: SiteMeasurement;
}

const KB = 1024;
const MB = 1024 * 1024;

/** Formats the results as a table of the scorecard against the plain site, one figure a row. */
export function formatTable(results: BenchResults): string {
  const { scorecard, plain, scorecardSite: ours, plainSite: theirs } = results;
  const rows: [string, string, string, string][] = [
    ["figure", "scorecard", "plain Astro", "ratio"],
    row("pages (HTML)", ours.pages, theirs.pages, (n) => String(n)),
    row("other files", ours.files.length - ours.pages, theirs.files.length - theirs.pages, String),
    ["charts on pages (distinct)", `${ours.chartImages} (${ours.distinctCharts})`, "0", ""],
    row("cold build, wall (s)", scorecard.cold.wallMs, plain.cold.wallMs, seconds),
    [
      `cold build ratio, each of ${results.coldRatios.length} rounds`,
      "",
      "",
      results.coldRatios.map((value) => value.toFixed(2)).join(" "),
    ],
    row("cold build, CPU (s)", scorecard.cold.cpuMs, plain.cold.cpuMs, seconds),
    row("time per page (ms)", perPage(scorecard.cold, ours), perPage(plain.cold, theirs), fixed1),
    row(
      "peak memory (MB)",
      scorecard.cold.peakMemoryBytes / MB,
      plain.cold.peakMemoryBytes / MB,
      fixed0,
    ),
    row("unchanged rebuild, wall (s)", scorecard.warm.wallMs, plain.warm.wallMs, seconds),
    row("unchanged rebuild, CPU (s)", scorecard.warm.cpuMs, plain.warm.cpuMs, seconds),
    row(
      "rebuild forced through Astro, wall (s)",
      scorecard.forced.wallMs,
      plain.warm.wallMs,
      seconds,
    ),
    row("rebuild forced through Astro, CPU (s)", scorecard.forced.cpuMs, plain.warm.cpuMs, seconds),
    ["rebuild after one new month, wall (s)", seconds(scorecard.addMonth.wallMs), "", ""],
    row("site size (MB)", ours.totalBytes / MB, theirs.totalBytes / MB, fixed1),
    row("median page (KB)", ours.medianPageBytes / KB, theirs.medianPageBytes / KB, fixed1),
    row("largest page (KB)", ours.largestPage.bytes / KB, theirs.largestPage.bytes / KB, fixed1),
    ["largest page", ours.largestPage.path, theirs.largestPage.path, ""],
    row("JavaScript (KB)", ours.javascriptBytes / KB, theirs.javascriptBytes / KB, fixed1),
    ["validate all months, wall (ms)", fixed0(results.validation.wallMs), "", ""],
    ["validate all months, CPU (ms)", fixed0(results.validation.cpuMs), "", ""],
    ["validate again, parsed data cached (ms)", fixed0(results.validation.cachedWallMs), "", ""],
    [
      "load average, start and end",
      `${results.loadAverage.start.toFixed(1)}, ${results.loadAverage.end.toFixed(1)}`,
      "",
      "",
    ],
  ];
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((cells) => cells[column]!.length)),
  );
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  "),
  );
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("  "));
  return lines.join("\n");
}

/** Formats the figures a script reads as one line of key=value pairs, in fixed order. */
export function formatKeyValues(results: BenchResults): string {
  const { scorecard, plain, scorecardSite: ours } = results;
  const pairs: [string, string][] = [
    ["years", String(results.years)],
    ["months", String(results.months)],
    ["cores", String(results.cores)],
    ["pages", String(ours.pages)],
    ["charts", String(ours.distinctCharts)],
    ["cold_s", seconds(scorecard.cold.wallMs)],
    ["plain_cold_s", seconds(plain.cold.wallMs)],
    ["cold_ratio", ratio(scorecard.cold.wallMs, plain.cold.wallMs)],
    ["cold_ratio_min", Math.min(...results.coldRatios).toFixed(2)],
    ["cold_ratio_max", Math.max(...results.coldRatios).toFixed(2)],
    ["rounds", String(results.coldRatios.length)],
    ["cold_cpu_ratio", ratio(scorecard.cold.cpuMs, plain.cold.cpuMs)],
    ["warm_s", seconds(scorecard.warm.wallMs)],
    ["plain_warm_s", seconds(plain.warm.wallMs)],
    ["warm_ratio", ratio(scorecard.warm.wallMs, plain.warm.wallMs)],
    ["warm_cpu_ratio", ratio(scorecard.warm.cpuMs, plain.warm.cpuMs)],
    ["forced_s", seconds(scorecard.forced.wallMs)],
    ["forced_ratio", ratio(scorecard.forced.wallMs, plain.warm.wallMs)],
    ["forced_cpu_ratio", ratio(scorecard.forced.cpuMs, plain.warm.cpuMs)],
    ["add_month_s", seconds(scorecard.addMonth.wallMs)],
    ["peak_mb", fixed0(scorecard.cold.peakMemoryBytes / MB)],
    ["memory_ratio", ratio(scorecard.cold.peakMemoryBytes, plain.cold.peakMemoryBytes)],
    ["dist_mb", fixed1(ours.totalBytes / MB)],
    ["median_page_kb", fixed1(ours.medianPageBytes / KB)],
    ["largest_page_kb", fixed1(ours.largestPage.bytes / KB)],
    ["js_kb", fixed1(ours.javascriptBytes / KB)],
    ["validate_ms", fixed0(results.validation.wallMs)],
    ["validate_cpu_ms", fixed0(results.validation.cpuMs)],
    ["validate_cached_ms", fixed0(results.validation.cachedWallMs)],
    ["load_start", results.loadAverage.start.toFixed(1)],
    ["load_end", results.loadAverage.end.toFixed(1)],
  ];
  return pairs.map(([key, value]) => `${key}=${value}`).join(" ");
}

function row(
  label: string,
  ours: number,
  theirs: number,
  format: (value: number) => string,
): [string, string, string, string] {
  return [label, format(ours), format(theirs), ratio(ours, theirs)];
}

function perPage(measurement: ProcessMeasurement, site: SiteMeasurement): number {
  return site.pages === 0 ? 0 : measurement.wallMs / site.pages;
}

function ratio(ours: number, theirs: number): string {
  return theirs === 0 ? "" : (ours / theirs).toFixed(2);
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

function fixed0(value: number): string {
  return value.toFixed(0);
}

function fixed1(value: number): string {
  return value.toFixed(1);
}
