import { parseArgs } from "node:util";
import { outputWritten } from "../output-written.ts";

export const BUILD_USAGE = "usage: npm run build -- [--force] [--help]";

const HELP = `${BUILD_USAGE}

Checks the data files and builds the site into dist/, or the folder in SCORECARD_OUT.
  --force   run Astro even when the output folder is already built from the same inputs
  --help    print this message`;

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
      options: { force: { type: "boolean" }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(HELP);
      await outputWritten();
      process.exit(0);
    }
    return { force: values.force ?? false };
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    console.error(BUILD_USAGE);
    await outputWritten();
    process.exit(2);
  }
}
