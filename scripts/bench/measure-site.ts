import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

/** A file the build wrote, by its path inside the output folder. */
export interface SiteFile {
  path: string;
  bytes: number;
  /** For an HTML page: its size without the chart images, to size the plain site's text. */
  bytesWithoutCharts?: number;
}

export interface SiteMeasurement {
  files: SiteFile[];
  pages: number;
  /** Chart images across every page, counting a chart shown on two pages twice. */
  chartImages: number;
  /** Different chart images: each needed drawing once. */
  distinctCharts: number;
  totalBytes: number;
  medianPageBytes: number;
  largestPage: { path: string; bytes: number };
  /** Script files plus inline scripts that a browser would run. */
  javascriptBytes: number;
}

const SVG = /<svg\b[\s\S]*?<\/svg>/g;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const NON_SCRIPT_TYPE = /\btype\s*=\s*["']?(?!module|text\/javascript|application\/javascript)/i;

/** Measures a built site folder: page count, chart count, sizes and shipped JavaScript. */
export function measureSite(directory: string): SiteMeasurement {
  const files: SiteFile[] = [];
  const pageSizes: { path: string; bytes: number }[] = [];
  const chartHashes = new Set<string>();
  let chartImages = 0;
  let javascriptBytes = 0;

  for (const file of listFiles(directory)) {
    const path = relative(directory, file);
    const bytes = statSync(file).size;
    const extension = extname(file);
    if (extension === ".js" || extension === ".mjs") javascriptBytes += bytes;
    if (extension !== ".html") {
      files.push({ path, bytes });
      continue;
    }
    const html = readFileSync(file, "utf8");
    let chartBytes = 0;
    for (const [svg] of html.matchAll(SVG)) {
      chartImages++;
      chartBytes += Buffer.byteLength(svg);
      chartHashes.add(createHash("sha256").update(svg).digest("hex"));
    }
    for (const [, attributes, body] of html.matchAll(SCRIPT)) {
      if (!NON_SCRIPT_TYPE.test(attributes ?? "")) javascriptBytes += Buffer.byteLength(body ?? "");
    }
    files.push({ path, bytes, bytesWithoutCharts: bytes - chartBytes });
    pageSizes.push({ path, bytes });
  }

  const sorted = [...pageSizes].sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
  return {
    files,
    pages: pageSizes.length,
    chartImages,
    distinctCharts: chartHashes.size,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    medianPageBytes: sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)]!.bytes : 0,
    largestPage: sorted[sorted.length - 1] ?? { path: "", bytes: 0 },
    javascriptBytes,
  };
}

function listFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}
