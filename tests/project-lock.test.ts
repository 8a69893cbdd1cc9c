import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { takeProjectLock } from "../scripts/build/project-lock.ts";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

function lockPath(): string {
  return join(makeTemporaryFolder("scorecard-lock-"), "cache", "build.lock");
}

/** Starts a process that takes the lock and holds it for `holdMs`, resolving once it has it. */
function holdLock(path: string, holdMs: number) {
  const child = spawn("npx", ["tsx", "tests/support/hold-project-lock.ts", path, String(holdMs)]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const locked = new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    }),
  );
  return { locked, exited };
}

describe("project lock", () => {
  it("is taken when free and names its holder", async () => {
    const path = lockPath();
    await takeProjectLock(path, () => {
      throw new Error("a free lock needs no wait");
    });
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
  });

  it("is released when its holder exits", async () => {
    const path = lockPath();
    const holder = holdLock(path, 0);
    await holder.exited;
    expect(existsSync(path)).toBe(false);
  });

  it("waits for a running holder", async () => {
    const path = lockPath();
    const holder = holdLock(path, 1500);
    await holder.locked;
    const waitedFor: number[] = [];

    await takeProjectLock(path, (holderId) => waitedFor.push(holderId));

    expect(waitedFor).toHaveLength(1);
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
    await holder.exited;
  });

  it("takes over the lock of a process that no longer runs", async () => {
    const path = lockPath();
    const finished = spawnSync(process.execPath, ["-e", ""]);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, String(finished.pid));
    const waitedFor: number[] = [];

    await takeProjectLock(path, (holderId) => waitedFor.push(holderId));

    expect(waitedFor).toEqual([]);
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
  });
});
