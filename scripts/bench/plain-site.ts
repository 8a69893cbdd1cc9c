import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SiteFile } from "./measure-site.ts";

/**
 * Writes a plain Astro project that builds the same files as the scorecard site, at the same
 * paths and of about the same size, from text made up on the spot: no data files, no checks and
 * no charts. What the scorecard's build costs beyond it is the cost of its data and charts.
 */
export function writePlainSite(
  directory: string,
  projectRoot: string,
  siteFiles: readonly SiteFile[],
): void {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, "src", "pages"), { recursive: true });
  mkdirSync(join(directory, "src", "styles"), { recursive: true });
  // The plain site uses this project's Astro and the same stylesheet, so only the pages differ.
  symlinkSync(join(projectRoot, "node_modules"), join(directory, "node_modules"), "dir");
  copyFileSync(
    join(projectRoot, "src", "styles", "site.css"),
    join(directory, "src", "styles", "site.css"),
  );

  const built = siteFiles.filter((file) => !file.path.startsWith("_astro/"));
  const pages = built
    .filter((file) => file.bytesWithoutCharts !== undefined)
    .map((file) => ({
      route: file.path.replace(/(^|\/)index\.html$/, ""),
      characters: Math.max(0, file.bytesWithoutCharts! - LAYOUT_BYTES),
    }));
  const others = built
    .filter((file) => file.bytesWithoutCharts === undefined)
    .map((file) => ({ route: file.path, bytes: file.bytes }));

  writeFileSync(join(directory, "package.json"), `{ "type": "module", "private": true }\n`);
  writeFileSync(join(directory, "files.json"), JSON.stringify({ pages, others }));
  writeFileSync(join(directory, "astro.config.mjs"), ASTRO_CONFIG);
  writeFileSync(join(directory, "build.mjs"), BUILD_SCRIPT);
  writeFileSync(join(directory, "src", "pages", "[...page].astro"), PAGE);
  writeFileSync(join(directory, "src", "pages", "[...file].js"), ENDPOINT);
}

/** Bytes of the plain page's own markup around its text, taken off each page's text size. */
const LAYOUT_BYTES = 900;

// The same output settings as the scorecard's own astro.config.mjs.
const ASTRO_CONFIG = `import { defineConfig } from "astro/config";
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
});
`;

// Builds the way scripts/build.ts does: Astro's build function, warnings only.
const BUILD_SCRIPT = `import { build } from "astro";
await build({ root: process.cwd(), logLevel: "warn" });
`;

const PAGE = `---
import "../styles/site.css";
import files from "../../files.json";

export function getStaticPaths() {
  return files.pages.map(({ route, characters }) => ({
    params: { page: route === "" ? undefined : route },
    props: { characters },
  }));
}

const WORDS = "children care placement review visit target month figure council board school health".split(" ");
const { characters } = Astro.props;
const paragraphs = [];
let paragraph = "";
let written = 0;
for (let index = 0; written < characters; index++) {
  const word = WORDS[(index * 7 + characters) % WORDS.length];
  paragraph += paragraph === "" ? word : " " + word;
  written += word.length + 1;
  if (paragraph.length > 400) {
    paragraphs.push(paragraph);
    paragraph = "";
  }
}
if (paragraph !== "") paragraphs.push(paragraph);
---

<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Plain page</title>
  </head>
  <body>
    <header><p><a href="/">Plain site</a></p></header>
    <main>
      <h1>Plain page</h1>
      {paragraphs.map((text) => <p>{text}</p>)}
    </main>
    <footer><p>A page of made-up text for comparison.</p></footer>
  </body>
</html>
`;

const ENDPOINT = `import files from "../../files.json";

export function getStaticPaths() {
  return files.others.map(({ route, bytes }) => ({ params: { file: route }, props: { bytes } }));
}

export function GET({ props }) {
  return new Response("figure,".repeat(Math.ceil(props.bytes / 7)).slice(0, props.bytes));
}
`;
