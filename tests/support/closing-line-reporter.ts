import type { RunnerTask, RunnerTestFile } from "vitest";
import type { Reporter } from "vitest/reporters";

/**
 * Prints "N passed, N failed" as the very last line of a run, for CI tools that read a plain
 * closing line. Vitest's own summary has no such line. The line is printed on process exit so
 * that it follows everything vitest prints.
 */
export default class ClosingLineReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    const visit = (task: RunnerTask) => {
      if (task.type === "suite") {
        task.tasks.forEach(visit);
        return;
      }
      const state = task.result?.state;
      if (state === "pass") passed++;
      else if (state === "fail") failed++;
      else skipped++;
    };
    for (const file of files) {
      // A file that failed to load has no tests of its own but must still count as a failure.
      if (file.result?.state === "fail" && file.tasks.length === 0) failed++;
      file.tasks.forEach(visit);
    }
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => process.stdout.write(`${line}\n`));
  }
}
