import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DataError } from "../problems.ts";

/**
 * Where the build report goes: a folder beside the site, never inside it, so the report (which
 * lists near-duplicate pages) is not deployed. `output/` → `report/`; `--out dist/site` →
 * `dist/report/`; `--report DIR` chooses another folder.
 */
export function reportDirFor(outDir: string, override?: string): string {
  return resolve(override ?? join(dirname(resolve(outDir)), "report"));
}

/** The report of a build that failed its audit, kept apart from the last good build's report. */
export function failedReportDir(reportDir: string): string {
  return join(reportDir, "failed");
}

/** The manifest of file hashes (`report/manifest.json`), next to report.json and index.html. */
export const manifestFile = "manifest.json";

/** Names a report folder written by clinic-pages may hold; anything else is someone's own folder. */
const reportNames = new Set(["report.json", "index.html", manifestFile, "failed"]);

/** True when `child` is `parent` or somewhere under it. */
function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel.split(sep)[0] !== ".." && !isAbsolute(rel));
}

/**
 * Refuses a report folder that would be deployed (inside the site), would hold the site, or is
 * a folder of the user's that clinic-pages did not write (replacing it would delete their files).
 */
export function checkReportDir(reportDir: string, outDir: string): void {
  const problem = (message: string, hint: string) =>
    new DataError([{ file: reportDir, field: "(report folder)", message, hint }]);
  const out = resolve(outDir);
  if (inside(reportDir, out))
    throw problem(
      `is inside the site folder ${out}, so the report would be deployed`,
      "pass --report with a folder outside --out, e.g. --report report",
    );
  if (inside(out, reportDir))
    throw problem(
      `contains the site folder ${out}`,
      "pass --report with a folder beside --out, not around it",
    );
  if (!existsSync(reportDir)) return;
  if (!statSync(reportDir).isDirectory())
    throw problem(
      "is a file, not a folder",
      "move the file, or pass --report DIR to write the report somewhere else",
    );
  const foreign = readdirSync(reportDir).filter((name) => !reportNames.has(name) && !name.startsWith("."));
  if (foreign.length > 0) {
    throw problem(
      `already exists and holds files clinic-pages did not write (${foreign.slice(0, 3).join(", ")}); the build replaces this folder`,
      "move those files, or pass --report DIR to write the report somewhere else",
    );
  }
}
