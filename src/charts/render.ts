import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** One document for every chart of a build: Plot only needs it to create elements. */
let sharedDocument: Document | undefined;

function chartDocument(): Document {
  sharedDocument ??= parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as Document;
  return sharedDocument;
}

export type PlotOptions = Plot.PlotOptions;

/**
 * Renders Plot options to SVG markup for inlining in a page:
 * - the SVG is one image with an accessible name, so screen readers announce the name and move
 *   on to the data table beside it rather than reading out every tick;
 * - Plot's per-chart style block is dropped, because the site stylesheet styles every chart;
 * - Plot's aria-label on groups inside the image is dropped, since a generic group may not carry one.
 */
export function renderPlot(options: PlotOptions, accessibleName: string): string {
  const svg = Plot.plot({
    ...options,
    document: chartDocument(),
    className: "chart",
  }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new Error(
      "chart has a legend or caption outside its SVG; render those as page text instead",
    );
  }
  for (const style of [...svg.querySelectorAll("style")]) style.remove();
  for (const group of [...svg.querySelectorAll("[aria-label]")])
    group.removeAttribute("aria-label");
  for (const hidden of [...svg.querySelectorAll("[aria-hidden]")])
    hidden.removeAttribute("aria-hidden");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", accessibleName);
  svg.removeAttribute("font-family");
  return svg.outerHTML;
}
