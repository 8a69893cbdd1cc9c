/** A problem found in a data file, located precisely enough for an analyst to fix it. */
export interface Problem {
  severity: "error" | "warning";
  file: string;
  /** 1-based line and column of the offending text. */
  line: number;
  column: number;
  /** The field in words, for example "indicator children-in-care, value". */
  field: string;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/**
 * Formats a problem on one line, then its hint on the next:
 *   data/2020-12.yaml:14:12 indicator children-in-care, value: invalid number (expected a number, found text "1,234")
 *     hint: write numbers without thousands separators, as 1234
 */
export function formatProblem(problem: Problem): string {
  const location = `${problem.file}:${problem.line}:${problem.column}`;
  const field = problem.field ? ` ${showControlCharacters(problem.field)}:` : "";
  const severity = problem.severity === "warning" ? " warning:" : "";
  const details: string[] = [];
  if (problem.expected) details.push(`expected ${problem.expected}`);
  if (problem.found) details.push(`found ${problem.found}`);
  const detailText = details.length > 0 ? ` (${details.join(", ")})` : "";
  const hint = problem.hint ? `\n  hint: ${problem.hint}` : "";
  return `${location}${field}${severity} ${problem.message}${detailText}${hint}`;
}

/**
 * Writes each control character in text as its code, \u0000, so that a field name taken from a
 * damaged file cannot garble the terminal.
 */
function showControlCharacters(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Orders problems by file, then position, so reports read top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((problem) => problem.severity === "error").length;
}
