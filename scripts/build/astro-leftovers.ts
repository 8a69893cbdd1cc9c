import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

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
