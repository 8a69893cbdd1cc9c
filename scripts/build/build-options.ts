import { parseArgs } from "node:util";
import { outputWritten } from "../output-written.ts";

export const BUILD_USAGE = "usage: npm run build -- [--force]";

export interface BuildOptions {
  /** Whether Astro runs even when the output folder is already built from the same inputs. */
  force: boolean;
}

/**
 * Reads the build's options from the command line. An unknown option, a value given to --force or
 * an argument that is not an option exits with code 2, after a message naming it and the usage.
 */
export async function readBuildOptions(args = process.argv.slice(2)): Promise<BuildOptions> {
  try {
    const { values } = parseArgs({
      args,
      options: { force: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    return { force: values.force ?? false };
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    console.error(BUILD_USAGE);
    await outputWritten();
    process.exit(2);
  }
}
