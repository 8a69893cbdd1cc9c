import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { HOSTILE_PLACES, HOSTILE_TEXT } from "./support/hostile-data.ts";
import { openPage, textOf } from "./support/pages.ts";
import { listPages, yieldToEventLoop } from "./support/site-files.ts";

const sites = inject("sites");
const hostileSite = inject("hostileSite");

/** Parses a Content-Security-Policy into its directives, each a list of sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function parseFile(file: string): Document {
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

describe("parsePolicy", () => {
  it("splits directives and their sources", () => {
    expect([...parsePolicy("default-src 'self'; script-src 'none' ;img-src 'self' data:")]).toEqual(
      [
        ["default-src", ["'self'"]],
        ["script-src", ["'none'"]],
        ["img-src", ["'self'", "data:"]],
      ],
    );
  });
});

describe.each(sites)("pages of the $name site", ({ directory }) => {
  const pages: { file: string; document: Document }[] = [];
  beforeAll(async () => {
    for (const page of listPages(directory)) {
      pages.push({ file: page.file, document: parseFile(join(directory, page.file)) });
      await yieldToEventLoop();
    }
  });

  it("each carry one Content-Security-Policy, before any resource", () => {
    const problems: string[] = [];
    for (const { file, document } of pages) {
      const metas = document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
      if (metas.length !== 1) {
        problems.push(`${file}: ${metas.length} policies`);
        continue;
      }
      const headChildren = [...document.head.children];
      const policyAt = headChildren.indexOf(metas[0]!);
      const firstResource = headChildren.findIndex((element) =>
        ["LINK", "STYLE", "SCRIPT", "BASE"].includes(element.tagName),
      );
      if (firstResource !== -1 && firstResource < policyAt) {
        problems.push(`${file}: the policy comes after <${headChildren[firstResource]!.tagName}>`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("allow no script and load only from their own server", () => {
    const policies = new Set(
      pages.map(({ document }) =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute("content"),
      ),
    );
    expect(policies.size).toBe(1);
    const directives = parsePolicy([...policies][0] ?? "");
    expect(directives.get("script-src")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      const open = sources.filter((source) => /unsafe|^\*$|^https?:$|^blob:$/.test(source));
      expect(open, name).toEqual([]);
    }
  });

  it("contain no script, event handler, javascript: URL or style attribute", () => {
    const problems: string[] = [];
    for (const { file, document } of pages) {
      if (document.querySelectorAll("script").length > 0) problems.push(`${file}: <script>`);
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          const where = `${file}: <${element.tagName.toLowerCase()} ${attribute.name}>`;
          if (attribute.name.startsWith("on")) problems.push(`${where}: event handler`);
          // The policy blocks inline styles, so a style attribute would silently do nothing.
          if (attribute.name === "style") problems.push(`${where}: inline style`);
          if (/^\s*javascript:/i.test(attribute.value)) problems.push(`${where}: javascript: URL`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("text from data files with markup in it", () => {
  it.each(Object.keys(HOSTILE_TEXT) as (keyof typeof HOSTILE_TEXT)[])(
    "shows the %s as text",
    (field) => {
      const document = openPage(hostileSite, HOSTILE_PLACES[field]);
      expect(textOf(document.body)).toContain(HOSTILE_TEXT[field]);
    },
  );

  it("adds no element or attribute to any page", () => {
    const problems: string[] = [];
    for (const page of listPages(hostileSite)) {
      const document = parseFile(join(hostileSite, page.file));
      if (document.querySelectorAll("script, img, b").length > 0) {
        problems.push(`${page.file}: an element from the data`);
      }
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          if (attribute.name.startsWith("on")) problems.push(`${page.file}: ${attribute.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
