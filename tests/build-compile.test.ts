import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
