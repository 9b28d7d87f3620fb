/** A problem in the marketer's data: where it is, what is wrong, how to fix it. */
export interface Problem {
  file: string;
  line?: number;
  field: string;
  message: string;
  hint?: string;
}

/** Thrown when data is invalid; the CLI prints the report instead of a stack trace. */
export class DataError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "DataError";
    this.problems = sortProblems(problems);
  }
}

/** Sorts by file, then line, then field, so reports are stable and easy to scan. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.field, b.field) ||
      compareText(a.message, b.message),
  );
}

/** Locale-independent order, so reports are identical on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file:line field: message — hint`, one problem per line. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const hint = problem.hint ? ` — ${problem.hint}` : "";
  return `${where} ${problem.field}: ${problem.message}${hint}`;
}

export function formatProblems(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = sortProblems(problems).map(formatProblem);
  const noun = problems.length === 1 ? "problem" : "problems";
  return `${lines.join("\n")}\n\n${problems.length} ${noun} in ${files} ${files === 1 ? "file" : "files"}; nothing was built and output/ is unchanged.`;
}
