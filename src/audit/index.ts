import type { Plan } from "../plan/index.ts";
import { auditJsonLd } from "./jsonld.ts";
import type { BuiltPage, Finding } from "./types.ts";

export type { BuiltPage, Finding } from "./types.ts";

/** Runs every check on the built pages and attaches the data files behind each page. */
export function auditSite(pages: BuiltPage[], plan: Plan): Finding[] {
  const sources = new Map(plan.pages.map((p) => [p.url, p.sources]));
  return pages.flatMap((page) => auditJsonLd(page).map((finding) => ({ ...finding, files: sources.get(page.url) })));
}

/** `error jsonld /path/ @graph[3].geo: message (fix: file)` */
export function formatFinding(finding: Finding): string {
  const where = finding.path ? ` ${finding.path}` : "";
  const files = finding.files?.length ? ` — edit ${finding.files.join(" or ")}` : "";
  const hint = finding.hint ? ` — ${finding.hint}` : "";
  return `${finding.page}${where}: ${finding.message} [${finding.check}]${hint}${files}`;
}
