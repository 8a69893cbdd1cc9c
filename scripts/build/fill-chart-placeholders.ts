import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  chartPlaceholderPrefix,
  fillChartPlaceholders,
  type ChartHandOver,
} from "../../src/charts/chart-hand-over.ts";

/**
 * Puts the charts into every page under a folder that holds placeholders for them. Returns the
 * final bytes of each page it read, by path, so that fingerprintOutput need not read them again.
 */
export function fillChartPlaceholdersInFolder(
  folder: string,
  handOver: ChartHandOver,
): Map<string, Uint8Array> {
  const pages = new Map<string, Uint8Array>();
  if (handOver.deferred.size === 0) return pages;
  const prefix = Buffer.from(chartPlaceholderPrefix(handOver));
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    let page = readFileSync(path);
    if (page.includes(prefix)) {
      const filled = fillChartPlaceholders(page.toString(), handOver);
      if (filled !== undefined) {
        page = Buffer.from(filled);
        writeFileSync(path, page);
      }
    }
    pages.set(path, page);
  }
  return pages;
}
