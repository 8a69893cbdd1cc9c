import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";

/** Parses a built page, named by its address (as "/2020-12/"), for queries as a browser would. */
export function openPage(site: string, address: string): Document {
  const file = join(site, address, address.endsWith("/") ? "index.html" : "");
  if (!existsSync(file)) throw new Error(`no page at ${address} (looked for ${file})`);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

/** Returns the text of an element with its white space collapsed, as a reader reads it. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Returns the facts listed for an indicator on a month or section page, keyed by their labels. */
export function indicatorFacts(document: Document, indicatorId: string): Record<string, string> {
  const article = document.querySelector(`article#${indicatorId}`);
  if (!article) throw new Error(`indicator ${indicatorId} is not on the page`);
  const facts: Record<string, string> = {};
  for (const fact of article.querySelectorAll(".fact")) {
    facts[textOf(fact.querySelector("dt"))] = textOf(fact.querySelector("dd"));
  }
  return facts;
}

/** Returns the rows of a table as arrays of cell texts, header cells included. */
export function tableRows(table: Element): string[][] {
  return [...table.querySelectorAll("tbody tr")].map((row) =>
    [...row.querySelectorAll("th, td")].map((cell) => textOf(cell)),
  );
}
