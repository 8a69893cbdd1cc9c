import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The record's format. A record of any other format is read as no record. */
export const BUILD_RECORD_FORMAT = 1;

/**
 * What the last successful build into an output folder read and wrote: the fingerprints of its
 * inputs (fingerprintInputs) and of the folder as it left it (fingerprintOutput).
 */
export interface BuildRecord {
  format: typeof BUILD_RECORD_FORMAT;
  inputs: string;
  output: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Returns the record's path: beside the output folder and outside it, so the record is never
 * published, and named after the folder, as .dist.build-record.json for dist/.
 */
export function buildRecordPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.build-record.json`);
}

/** Reads a record. Returns undefined when it is missing, unreadable, malformed or of another format. */
export function readBuildRecord(path: string): BuildRecord | undefined {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  if (typeof record !== "object" || record === null) return undefined;
  const { format, inputs, output } = record as Record<string, unknown>;
  if (format !== BUILD_RECORD_FORMAT) return undefined;
  if (typeof inputs !== "string" || !SHA256_HEX.test(inputs)) return undefined;
  if (typeof output !== "string" || !SHA256_HEX.test(output)) return undefined;
  return { format, inputs, output };
}

/**
 * Writes a record to a temporary file and renames it into place, so a build that reads the record
 * meanwhile finds the old one or the new one, never half of one. Throws when either step fails.
 */
export function writeBuildRecord(path: string, record: Omit<BuildRecord, "format">): void {
  const text = `${JSON.stringify({ format: BUILD_RECORD_FORMAT, ...record }, null, 2)}\n`;
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a record as writeBuildRecord does, but warns on stderr instead of throwing: the site is
 * built by then, and without a new record the next build may only run Astro again needlessly.
 */
export function saveBuildRecord(path: string, record: Omit<BuildRecord, "format">): void {
  try {
    writeBuildRecord(path, record);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `warning: the build record was not written to ${path}: ${reason}. ` +
        "The next build may run Astro again even if nothing changes",
    );
  }
}
