import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Thread priorities are read through /proc/thread-self, which only Linux has.
describe.runIf(existsSync("/proc/thread-self"))("lowerThreadPriority", () => {
  it("lowers the worker thread and leaves the main thread", async () => {
    const { stdout } = await promisify(execFile)("npx", [
      "tsx",
      "tests/support/thread-priorities.ts",
    ]);
    const priorities = JSON.parse(stdout);

    expect(priorities.lowered).toBe(true);
    expect(priorities.worker).toBe(constants.priority.PRIORITY_LOW);
    expect(priorities.mainAfter).toBe(priorities.mainBefore);
  });
});
