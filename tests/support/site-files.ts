import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file under a folder, as paths relative to it with "/" separators, sorted. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.push(relative(root, path).split(sep).join("/"));
    }
  };
  visit(root);
  return files.sort();
}

export interface BuiltPage {
  /** The file, relative to the site folder: "2020-12/index.html". */
  file: string;
  /** The page's address below the site's base: "2020-12/", or "" for the home page. */
  address: string;
}

/** Every HTML page of a built site. */
export function listPages(root: string): BuiltPage[] {
  return listFiles(root)
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({ file, address: file.replace(/(^|\/)index\.html$/, "$1") }));
}

/**
 * Lets pending events run. A test worker that parses hundreds of pages in one synchronous loop
 * cannot respond to vitest's calls meanwhile, and vitest reports a timeout after a minute.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
