import { join } from "node:path";

// Every user-facing error of clinic-pages lives here: problems in the data (DataError), findings
// in the built pages (AuditError), a build too big for its memory (OutOfMemoryError), a refused
// IndexNow submission (IndexNowError), and the catalogue of audit check ids. The CLI prints these
// without a stack trace; anything else is a bug and prints one.

/** A problem in the marketer's data: where it is, what is wrong, how to fix it. */
export interface Problem {
  file: string;
  line?: number;
  field: string;
  message: string;
  hint?: string;
}

/** What a failed command leaves behind, said at the end of every problem report. */
export const unchangedOutput = "nothing was built and output/ is unchanged";

/** Thrown when data is invalid; the CLI prints the report instead of a stack trace. */
export class DataError extends Error {
  readonly problems: Problem[];

  /** `outcome` ends the report, e.g. "no file was written" for a command that writes data files. */
  constructor(problems: Problem[], outcome = unchangedOutput) {
    super(formatProblems(problems, outcome));
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

/** Every problem, one per line, then a count and what happened (by default: nothing was built). */
export function formatProblems(problems: Problem[], outcome = unchangedOutput): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = sortProblems(problems).map(formatProblem);
  const noun = problems.length === 1 ? "problem" : "problems";
  return `${lines.join("\n")}\n\n${problems.length} ${noun} in ${files} ${files === 1 ? "file" : "files"}; ${outcome}.`;
}

/**
 * Every check the audit runs, by the stable id printed in findings and in report.json, with what
 * it guards. A new check gets its id here first; the type below makes any other id an error.
 */
export const checkIds = {
  "uniqueness.duplicate":
    "a near-duplicate of its closest sibling (similarity at or above quality.uniqueness.fail)",
  "uniqueness.similar": "close to its closest sibling (similarity at or above quality.uniqueness.warn)",
  "uniqueness.generic":
    "a place whose copy names too few facts of its own (fewer than quality.uniqueness.minLocalFacts)",
  "medical.claim": "an unsupported absolute claim (cure, guaranteed, …)",
  "medical.reviewer": "a condition page without a medical reviewer byline",
  "medical.review-date": "a condition page without a review date",
  "medical.review-stale": "a review older than quality.reviewMaxAgeMonths",
  "medical.citation": "a condition page that cites no study",
  "medical.evidence-wording": "an evidence summary whose cause-and-effect words its study cannot back",
  "seo.h1": "not exactly one h1",
  "seo.lang": "no lang on the html element",
  "seo.title": "no title",
  "seo.title-length": "a title longer than search results show",
  "seo.title-duplicate": "the same title as another page",
  "seo.description": "no meta description",
  "seo.description-length": "a description outside the recommended length",
  "seo.description-duplicate": "the same description as another page",
  "seo.canonical": "not exactly one absolute canonical URL on the site's origin",
  "seo.heading-order": "a heading that skips a level",
  "seo.img-alt": "an image without alt",
  "seo.img-size": "an image without width and height",
  "seo.link-broken": "a link to a page that is not built",
  "seo.anchor-broken": "a link to an id the target page does not have",
  "seo.nearby-self": "a page listing itself as nearby",
  "privacy.third-party": "a condition page loading something from another host",
  jsonld: "not exactly one JSON-LD block with an @graph that parses",
  "jsonld-vocabulary": "a type, property or value schema.org does not have",
  "jsonld-google": "Google's required or recommended properties",
} as const;

/** The id of one audit check. */
export type CheckId = keyof typeof checkIds;

/** One audit result: which check, how serious, which page, what is wrong and how to fix it. */
export interface Finding {
  check: CheckId;
  severity: "error" | "warning";
  page: string;
  message: string;
  /** Where in the page, e.g. a JSON-LD path. */
  path?: string;
  /** The data file(s) to change, when known. */
  files?: string[];
  hint?: string;
}

/** `/path/ @graph[3].geo: message [check] — hint — edit file` */
export function formatFinding(finding: Finding): string {
  const where = finding.path ? ` ${finding.path}` : "";
  const files = finding.files?.length ? ` — edit ${finding.files.join(" or ")}` : "";
  const hint = finding.hint ? ` — ${finding.hint}` : "";
  return `${finding.page}${where}: ${finding.message} [${finding.check}]${hint}${files}`;
}

/** Thrown when the audit finds errors in the built pages; nothing is published. */
export class AuditError extends Error {
  constructor(
    readonly audit: { findings: Finding[] },
    readonly reportDir: string,
  ) {
    const errors = audit.findings.filter((f) => f.severity === "error");
    const pages = new Set(errors.map((f) => f.page)).size;
    const count = `${errors.length} audit ${errors.length === 1 ? "error" : "errors"}`;
    const where = `${pages} ${pages === 1 ? "page" : "pages"}`;
    const report = join(reportDir, "index.html");
    super(
      `${errors.map(formatFinding).join("\n")}\n\n${count} on ${where}; nothing was published and output/ is unchanged. Full report: ${report}`,
    );
    this.name = "AuditError";
  }
}

/**
 * Thrown when a build does not fit in memory. It says how big the build was and what to do,
 * instead of a V8 crash dump; like every failed build it leaves the previous output in place.
 */
export class OutOfMemoryError extends Error {
  constructor(what: { pages: number; chunkSize: number; threads: number; limitMb: number; where: string }) {
    const pages = what.pages.toLocaleString("en-US");
    const shards = Math.max(2, Math.ceil(what.pages / 50_000));
    super(
      [
        `Out of memory: building ${pages} pages needed more than ${what.limitMb.toLocaleString("en-US")} MB (${what.where}; ` +
          `${what.threads} ${what.threads === 1 ? "thread" : "threads"}, chunks of ${what.chunkSize} pages). Nothing was published and output/ is unchanged.`,
        "What to do, in order:",
        `  - build in shards, on several CI runners or one after another: npm run build -- --shard 1/${shards} --out shard-1 … then npm run combine -- shard-1 … shard-${shards}`,
        ...(what.chunkSize > 10
          ? [`  - use smaller chunks: --chunk-size ${Math.floor(what.chunkSize / 4)}`]
          : []),
        "  - or allow more memory: --memory MB, or NODE_OPTIONS=--max-old-space-size=MB for the main process",
      ].join("\n"),
    );
    this.name = "OutOfMemoryError";
  }
}

/** Thrown when an endpoint refuses a request, or keeps failing after every retry. */
export class IndexNowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexNowError";
  }
}
