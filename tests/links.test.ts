import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { checkSiteLinks, type LinkReport } from "./support/site-links.ts";
import { listPages } from "./support/site-files.ts";
import { SUB_PATH_BASE } from "./support/sites.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

const sites = inject("sites");

describe("site links", () => {
  it("are checked at the root and below a sub-path", () => {
    expect(sites.map((site) => site.base)).toEqual(expect.arrayContaining(["/", SUB_PATH_BASE]));
  });
});

describe.each(sites)("links of the $name site (base $base)", ({ directory, base }) => {
  let report: LinkReport;
  beforeAll(async () => {
    report = await checkSiteLinks(directory, base);
  });

  it("are found on every page", () => {
    const pagesWithLinks = new Set(report.references.map((reference) => reference.from));
    const pages = listPages(directory).map((page) => page.file);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((page) => !pagesWithLinks.has(page))).toEqual([]);
  });

  it("resolve every internal href and src to a file", () => {
    // A short sample keeps the failure readable when one template fault repeats on every page.
    expect(report.problems.slice(0, 40), `${report.problems.length} problems in all`).toEqual([]);
  });

  it("write no // in any path", () => {
    const doubled = report.references.filter(
      (reference) => !/^[a-z]+:/i.test(reference.value) && reference.value.includes("//"),
    );
    expect(doubled).toEqual([]);
  });

  it("start with the base path", () => {
    const outside = report.references.filter(
      (reference) =>
        reference.value.startsWith("/") &&
        !reference.value.startsWith(base) &&
        reference.value !== base,
    );
    expect(outside).toEqual([]);
  });

  it("reach every file of the build", () => {
    expect(report.unreferenced).toEqual([]);
  });

  it("lead to no other site", () => {
    expect(report.external).toEqual([]);
  });
});

describe("the link checker", () => {
  it("reports a missing file, a doubled slash, a missing anchor and a path outside the base", async () => {
    const root = makeTemporaryFolder("scorecard-links-");
    mkdirSync(join(root, "a"));
    writeFileSync(join(root, "a", "index.html"), '<p id="here">A</p>');
    writeFileSync(
      join(root, "index.html"),
      [
        '<a href="/sub/a/">fine</a>',
        '<a href="/sub/a/#here">fine anchor</a>',
        '<a href="/sub/b/">missing</a>',
        '<a href="/sub//a/">doubled</a>',
        '<a href="/sub/a/#gone">missing anchor</a>',
        '<a href="/elsewhere/">outside</a>',
        '<link rel="stylesheet" href="https://cdn.example/site.css">',
      ].join("\n"),
    );
    writeFileSync(join(root, "stray.mjs"), "export default new Map();");

    const report = await checkSiteLinks(root, "/sub/");

    expect(report.problems).toEqual([
      'index.html: a[href] "/sub/b/": no file b/index.html in the build',
      'index.html: a[href] "/sub//a/": path /sub//a/ contains "//"',
      'index.html: a[href] "/sub//a/": no file /a/index.html in the build',
      'index.html: a[href] "/sub/a/#gone": no element #gone in a/index.html',
      'index.html: a[href] "/elsewhere/": path /elsewhere/ is outside the site\'s base /sub/',
      'index.html: link[href] "https://cdn.example/site.css": not a path on this site',
    ]);
    expect(report.unreferenced).toEqual(["stray.mjs"]);
  });
});
