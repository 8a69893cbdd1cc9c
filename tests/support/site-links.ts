import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { listFiles, listPages, yieldToEventLoop } from "./site-files.ts";

/** A placeholder origin that pages are resolved against; links never leave it unless external. */
const SITE_ORIGIN = "http://scorecard.invalid";

/** Attributes that name another resource, by the elements that carry them. */
const REFERENCE_ATTRIBUTES: [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["area[href]", "href"],
  ["link[href]", "href"],
  ["img[src]", "src"],
  ["script[src]", "src"],
  ["iframe[src]", "src"],
  ["source[src]", "src"],
  ["video[src]", "src"],
  ["audio[src]", "src"],
  ["object[data]", "data"],
  ["form[action]", "action"],
  ["image[href]", "href"],
  ["use[href]", "href"],
];

export interface Reference {
  /** The file that contains the reference, relative to the site folder. */
  from: string;
  /** The element and attribute, as "a[href]". */
  kind: string;
  /** The attribute's text as written. */
  value: string;
}

export interface LinkReport {
  /** Every reference found, in page order. */
  references: Reference[];
  /** References that fail a check, each as "FILE: KIND VALUE: PROBLEM". */
  problems: string[];
  /** Files of the site that no page, stylesheet or feed refers to. */
  unreferenced: string[];
  /** Anchors that lead to another site. */
  external: string[];
}

/**
 * Checks every reference in a built site. Each internal href and src must resolve to a file of
 * the site below its base path, with no "//" in its path, and each #fragment must name an element
 * of its target page. Resources (stylesheets, images, scripts) may not be external.
 */
export async function checkSiteLinks(root: string, base: string): Promise<LinkReport> {
  const files = new Set(listFiles(root));
  const pages = new Map<string, Document>();
  const references: Reference[] = [];
  for (const page of listPages(root)) {
    const html = readFileSync(join(root, page.file), "utf8");
    const document = parseHTML(html).document as unknown as Document;
    pages.set(page.file, document);
    references.push(...pageReferences(page.file, document));
    await yieldToEventLoop();
  }
  for (const file of files) {
    if (file.endsWith(".css")) references.push(...stylesheetReferences(root, file));
    if (file.endsWith(".xml")) references.push(...feedReferences(root, file));
  }

  const problems: string[] = [];
  const external: string[] = [];
  const referenced = new Set<string>();
  for (const reference of references) {
    const fileUrl = new URL(`${base}${reference.from}`, SITE_ORIGIN);
    const describe = (problem: string) =>
      `${reference.from}: ${reference.kind} ${JSON.stringify(reference.value)}: ${problem}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference.value) || reference.value.startsWith("//")) {
      if (reference.kind.startsWith("a[") && /^(https?|mailto|tel):/i.test(reference.value)) {
        external.push(`${reference.from}: ${reference.value}`);
      } else {
        problems.push(describe("not a path on this site"));
      }
      continue;
    }
    const url = new URL(reference.value, fileUrl);
    if (url.pathname.includes("//")) problems.push(describe(`path ${url.pathname} contains "//"`));
    if (!url.pathname.startsWith(base)) {
      problems.push(describe(`path ${url.pathname} is outside the site's base ${base}`));
      continue;
    }
    const below = decodeURIComponent(url.pathname.slice(base.length));
    const target = below === "" || below.endsWith("/") ? `${below}index.html` : below;
    if (!files.has(target)) {
      const hint = files.has(`${target}/index.html`) ? ` (the page is at ${url.pathname}/)` : "";
      problems.push(describe(`no file ${target} in the build${hint}`));
      continue;
    }
    referenced.add(target);
    if (url.hash.length > 1) {
      const id = decodeURIComponent(url.hash.slice(1));
      const document = pages.get(target);
      if (!document) problems.push(describe(`#${id} points into ${target}, which is not a page`));
      else if (!document.getElementById(id))
        problems.push(describe(`no element #${id} in ${target}`));
    }
  }
  const unreferenced = [...files].filter((file) => file !== "index.html" && !referenced.has(file));
  return { references, problems, unreferenced, external };
}

function pageReferences(file: string, document: Document): Reference[] {
  const references: Reference[] = [];
  for (const [selector, attribute] of REFERENCE_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      references.push({ from: file, kind: selector, value: element.getAttribute(attribute)! });
    }
  }
  for (const element of document.querySelectorAll("[srcset]")) {
    for (const candidate of element.getAttribute("srcset")!.split(",")) {
      const value = candidate.trim().split(/\s+/)[0];
      if (value) references.push({ from: file, kind: "[srcset]", value });
    }
  }
  for (const element of document.querySelectorAll("[xlink\\:href]")) {
    references.push({
      from: file,
      kind: "[xlink:href]",
      value: element.getAttribute("xlink:href")!,
    });
  }
  for (const element of document.querySelectorAll('meta[http-equiv="refresh" i]')) {
    const match = /url\s*=\s*['"]?([^'"]+)/i.exec(element.getAttribute("content") ?? "");
    if (match) references.push({ from: file, kind: "meta[http-equiv=refresh]", value: match[1]! });
  }
  return references;
}

function stylesheetReferences(root: string, file: string): Reference[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)]
    .map((match) => match[1]!)
    .filter((value) => !value.startsWith("data:"))
    .map((value) => ({ from: file, kind: "url()", value }));
}

function feedReferences(root: string, file: string): Reference[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)].map((match) => ({
    from: file,
    kind: "link[href]",
    value: match[1]!.replaceAll("&amp;", "&"),
  }));
}
