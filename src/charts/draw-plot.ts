import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeMarkup } from "../site/escape-markup.ts";

/**
 * Plot itself, for the chart modules' picture functions. They receive it from render.ts rather
 * than importing it, so that a page whose charts are all drawn already never loads Plot.
 */
export { Plot };

/** One document for every chart of a build: Plot only needs it to create elements. */
let sharedDocument: Document | undefined;

function chartDocument(): Document {
  sharedDocument ??= parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as Document;
  return sharedDocument;
}

/**
 * Draws Plot options as SVG markup:
 * - the SVG is one image with an accessible name, so screen readers announce the name and move
 *   on to the data table beside it rather than reading out every tick;
 * - Plot's per-chart style block is dropped, because the site stylesheet styles every chart;
 * - Plot's aria-label on groups inside the image is dropped, since a generic group may not carry one;
 * - coordinates are rounded to a tenth of a pixel, which no screen shows, to keep pages light.
 */
export function drawPlot(options: Plot.PlotOptions, accessibleName: string): string {
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
  for (const element of [...svg.querySelectorAll("*")]) {
    if (element.localName === "style") {
      element.remove();
    } else {
      element.removeAttribute("aria-label");
      element.removeAttribute("aria-hidden");
    }
  }
  svg.removeAttribute("aria-hidden");
  svg.setAttribute("role", "img");
  // linkedom escapes only '"' in attribute values, so the name, which comes from the data
  // files, is escaped here and put in after the coordinates are rounded.
  svg.setAttribute("aria-label", NAME_SLOT);
  svg.removeAttribute("font-family");
  return roundCoordinates(svg.outerHTML).replace(
    `aria-label="${NAME_SLOT}"`,
    () => `aria-label="${escapeMarkup(accessibleName)}"`,
  );
}

/**
 * The accessible name's stand-in until the markup is finished. The image's own tag comes first
 * in the markup, so the first match is always its attribute.
 */
const NAME_SLOT = "scorecard-accessible-name";

/** Attributes whose numbers are user-space coordinates or lengths. */
const GEOMETRY_ATTRIBUTE =
  / (x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|points|viewBox)="([^"]*)"/g;

// A number with more than one decimal and no unit after it: "0.32em" is kept as it is, while the
// letters of path commands ("M1.25,3.75Z") may follow.
const LONG_DECIMAL = /-?\d*\.\d{2,}(?:e[-+]?\d+)?(?![\d.%]|em|ex|px|pt|pc|cm|mm|in|rem|ch|vw|vh)/g;

// Text inside an element cannot contain "<", which the serializer escapes, so each match is a tag.
// Attribute values cannot contain '"', so GEOMETRY_ATTRIBUTE never matches inside another value.
const TAG = /<[^>]*>/g;

/** Rounds the coordinates in the attributes of every tag in SVG markup to a tenth. */
function roundCoordinates(markup: string): string {
  return markup.replace(TAG, (tag) =>
    tag.includes(".")
      ? tag.replace(
          GEOMETRY_ATTRIBUTE,
          (_, name: string, value: string) =>
            ` ${name}="${value.replace(LONG_DECIMAL, roundToTenth)}"`,
        )
      : tag,
  );
}

function roundToTenth(text: string): string {
  // String(-0) is "0", so a tiny negative number prints as 0.
  return String(Math.round(Number(text) * 10) / 10);
}
