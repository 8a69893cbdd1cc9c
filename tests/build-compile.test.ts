import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeTemporaryFolder } from "./support/temporary-folder.ts";

/**
 * Makes a project with the real scripts/build.mjs and a small build script for it to compile,
 * whose only package is esbuild, so the compiled files stay in the project's own cache folder.
 */
function makeProject(): string {
  const project = makeTemporaryFolder("scorecard-build-compile-");
  mkdirSync(join(project, "scripts", "build"), { recursive: true });
  mkdirSync(join(project, "node_modules"));
  symlinkSync(resolve("node_modules", "esbuild"), join(project, "node_modules", "esbuild"), "dir");
  copyFileSync("scripts/build.mjs", join(project, "scripts", "build.mjs"));
  writeFileSync(
    join(project, "scripts", "build.ts"),
    'import { message } from "./build/message.ts";\nconsole.log(message);\n',
  );
  writeFileSync(
    join(project, "scripts", "build", "message.ts"),
    'export const message = "first";\n',
  );
  writeFileSync(join(project, "scripts", "build", "worker.ts"), "export {};\n");
  // The compile record leaves out sources changed in the last two seconds before a compile.
  const minuteAgo = new Date(Date.now() - 60_000);
  for (const file of ["build.ts", "build/message.ts", "build/worker.ts"]) {
    utimesSync(join(project, "scripts", file), minuteAgo, minuteAgo);
  }
  return project;
}

async function runBuild(project: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["scripts/build.mjs"], {
    cwd: project,
  });
  return stdout.trim();
}

/**
 * Puts a stand-in for esbuild in the project, with the real package.json and a module that
 * fails when it is loaded, so a run that compiles fails.
 */
function breakCompiler(project: string): void {
  const esbuild = join(project, "node_modules", "esbuild");
  rmSync(esbuild);
  mkdirSync(join(esbuild, "lib"), { recursive: true });
  copyFileSync(resolve("node_modules", "esbuild", "package.json"), join(esbuild, "package.json"));
  writeFileSync(join(esbuild, "lib", "main.js"), 'throw new Error("esbuild was loaded");\n');
}

describe("compiling the build script", () => {
  it("records no source changed during the compile", async () => {
    const project = makeProject();
    // Modified "now", as an edit made while esbuild reads the sources would be.
    writeFileSync(
      join(project, "scripts", "build", "message.ts"),
      'export const message = "first";\n',
    );
    await runBuild(project);
    breakCompiler(project);

    await expect(runBuild(project)).rejects.toThrow("esbuild was loaded");
  });

  it("compiles again after a damaged record", async () => {
    const project = makeProject();
    await runBuild(project);
    const record = join(project, "node_modules", ".cache", "scorecard-build", "last-compile.json");
    for (const damaged of ["null", "{}", '{"sources": null}', "[1, 2]"]) {
      writeFileSync(record, damaged);
      expect(await runBuild(project)).toBe("first");
    }
  });

  it("compiles and runs the build script", async () => {
    expect(await runBuild(makeProject())).toBe("first");
  });

  it("reuses the last compile when no source changed", async () => {
    const project = makeProject();
    await runBuild(project);
    breakCompiler(project);

    expect(await runBuild(project)).toBe("first");
  });

  it("compiles again when an imported source changes", async () => {
    const project = makeProject();
    await runBuild(project);
    writeFileSync(
      join(project, "scripts", "build", "message.ts"),
      'export const message = "second";\n',
    );

    expect(await runBuild(project)).toBe("second");
  });
});
