import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Deletes the project's .astro/ folder before a build into `astroOutDir`, when that folder is
 * outside the project. Astro 5 then builds the server code in .astro/, copies everything the
 * folder contains into the output, and deletes it, so a file an interrupted build left there
 * would be published. For an output inside the project, .astro/ holds Astro's generated types
 * and is left alone.
 */
export function removeAstroScratchFolder(projectRoot: string, astroOutDir: string): void {
  // The same test as Astro's getOutDirWithinCwd (astro 5.18, dist/core/build/common.js).
  if (astroOutDir.startsWith(projectRoot)) return;
  rmSync(join(projectRoot, ".astro"), { recursive: true, force: true });
}

/**
 * Files Astro 5 leaves in an output folder outside the project, each an empty module that no page
 * loads. A build into dist/ has none of them, and the site ships no JavaScript.
 */
const EMPTY_CONTENT_MODULES = ["content-assets.mjs", "content-modules.mjs"];
const EMPTY_MODULE = "export default new Map();";

/** Deletes Astro's empty content modules from a built site, leaving any other content alone. */
export function removeEmptyContentModules(siteFolder: string): void {
  for (const name of EMPTY_CONTENT_MODULES) {
    const path = join(siteFolder, name);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue;
    }
    if (text.trim() === EMPTY_MODULE) rmSync(path);
  }
}
