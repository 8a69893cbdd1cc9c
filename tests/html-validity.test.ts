import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { listPages, yieldToEventLoop } from "./support/site-files.ts";

const sites = inject("sites");
const configFile = new URL("../.htmlvalidate.json", import.meta.url).pathname;
const config = JSON.parse(readFileSync(configFile, "utf8")) as ConfigData;
// JSON has no comments, so the config gives each relaxed rule's reason as a key "// RULE: reason".
const REASON_KEY = /^\/\/ ([a-z0-9-]+): \S/;

describe("the html-validate configuration", () => {
  it("extends the recommended preset", () => {
    expect(config.extends).toEqual(["html-validate:recommended"]);
  });

  it("gives a reason for every relaxed rule", () => {
    const rules = Object.keys(config.rules ?? {});
    const reasons = rules.flatMap((key) => REASON_KEY.exec(key)?.[1] ?? []);
    const relaxed = rules.filter((key) => !key.startsWith("//"));
    expect(relaxed.filter((rule) => !reasons.includes(rule))).toEqual([]);
    expect(reasons.filter((rule) => !relaxed.includes(rule))).toEqual([]);
  });
});

describe.each(sites)("HTML of the $name site", ({ directory }) => {
  const validator = new HtmlValidate(config);

  it("is valid on every page", async () => {
    const pages = listPages(directory);
    expect(pages.length).toBeGreaterThan(10);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(directory, page.file));
      // validateFile reads and checks the file synchronously, so its promise never yields.
      await yieldToEventLoop();
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(
            `${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? "no selector"})`,
          );
        }
      }
    }
    // A short sample keeps the failure readable when one template fault repeats on every page.
    expect(errors.slice(0, 40), `${errors.length} problems in all`).toEqual([]);
  });
});

describe("the HTML validator", () => {
  it("reports misnested markup and a missing alt text", async () => {
    const validator = new HtmlValidate(config);
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>T</title></head>' +
        '<body><p><div>x</div></p><img src="a.png"></body></html>',
      "invalid.html",
    );
    expect(report.results[0]?.messages.map((message) => message.ruleId)).toEqual([
      "no-implicit-close",
      "close-order",
      "wcag/h37",
    ]);
  });
});
