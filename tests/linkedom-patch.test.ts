import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

// patches/linkedom+*.patch makes linkedom create a node's listener map on its first
// addEventListener instead of in every node's constructor. Events must work as before.
describe("linkedom events after the patch", () => {
  it("is applied to the installed linkedom", () => {
    // npm ci applies it through patch-package, unless scripts are turned off.
    const entry = createRequire(import.meta.url).resolve("linkedom");
    for (const format of ["esm", "cjs"]) {
      const source = readFileSync(
        join(dirname(entry), "..", format, "interface", "event-target.js"),
        "utf8",
      );
      expect(source, format).toMatch(/constructor\(\) \{\s*\}/);
    }
  });

  function newElement() {
    const { document, Event } = parseHTML("<!doctype html><html><body></body></html>");
    return { Event, element: document.createElement("div") };
  }

  it("calls a listener added to an element", () => {
    const { Event, element } = newElement();
    const types: string[] = [];
    element.addEventListener("ping", (event: Event) => types.push(event.type));
    element.dispatchEvent(new Event("ping"));
    expect(types).toEqual(["ping"]);
  });

  it("stops calling a removed listener", () => {
    const { Event, element } = newElement();
    let calls = 0;
    const listener = () => calls++;
    element.addEventListener("ping", listener);
    element.removeEventListener("ping", listener);
    element.dispatchEvent(new Event("ping"));
    expect(calls).toBe(0);
  });

  it("accepts removing a listener from an element that never had one", () => {
    const { element } = newElement();
    expect(() => element.removeEventListener("ping", () => {})).not.toThrow();
  });

  it("dispatches an event nobody listens to", () => {
    const { Event, element } = newElement();
    expect(element.dispatchEvent(new Event("ping"))).toBe(true);
  });
});
