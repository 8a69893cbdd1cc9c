import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fillChartPlaceholders, type ChartHandOver } from "../../src/charts/chart-hand-over.ts";

/** Puts the charts into every page under a folder that holds placeholders for them. */
export function fillChartPlaceholdersInFolder(folder: string, handOver: ChartHandOver): void {
  if (handOver.deferred.size === 0) return;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const filled = fillChartPlaceholders(readFileSync(path, "utf8"), handOver);
    if (filled !== undefined) writeFileSync(path, filled);
  }
}
