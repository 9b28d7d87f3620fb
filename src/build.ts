import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { auditSiteParallel, formatFinding, type AuditResult, type BuiltPage, type Finding } from "./audit/index.ts";
import { prepare } from "./pipeline/index.ts";
import type { Problem } from "./problems.ts";
import { stagingDir, swapInto, writeSiteFiles } from "./publish/index.ts";
import { writeReport } from "./publish/report.ts";
import { renderSite } from "./render/run.ts";

export interface BuildOptions {
  /** Project folder holding site.yaml, locations/ and conditions/. */
  root: string;
  /** Where the site goes; defaults to `<root>/output`. */
  outDir?: string;
  /** YYYY-MM-DD that review ages are measured against; defaults to today (UTC). */
  today?: string;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  indexable: number;
  warnings: Problem[];
  audit: AuditResult;
}

/** Thrown when the audit finds errors in the built pages; nothing is published. */
export class AuditError extends Error {
  constructor(
    readonly audit: AuditResult,
    readonly reportDir: string,
  ) {
    const errors = audit.findings.filter((f) => f.severity === "error");
    const pages = new Set(errors.map((f) => f.page)).size;
    super(
      `${errors.map(formatFinding).join("\n")}\n\n${errors.length} audit ${errors.length === 1 ? "error" : "errors"} on ${pages} ${pages === 1 ? "page" : "pages"}; nothing was published and output/ is unchanged. Full report: ${join(reportDir, "index.html")}`,
    );
    this.name = "AuditError";
  }
}

/** Today's date in UTC as YYYY-MM-DD, unless CLINIC_PAGES_TODAY pins it (for reproducible checks). */
export function today(): string {
  return process.env.CLINIC_PAGES_TODAY ?? new Date().toISOString().slice(0, 10);
}

/**
 * The whole build: load, validate, plan, render, audit, publish. Bad data throws DataError
 * before anything is written; audit errors throw AuditError; the new site replaces `outDir`
 * only when complete.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, "output"));
  const { model, plan, warnings, data } = prepare(root);
  const quality = model.site.quality;
  const staging = stagingDir(outDir);
  try {
    const built = await renderSite(data, staging);
    const audit = await auditSiteParallel(built, plan, { origin: data.origin, quality, today: options.today ?? today() });
    if (audit.findings.some((f) => f.severity === "error")) {
      const reportDir = `${outDir}.failed-report`;
      writeReport(reportDir, audit, quality, model.site.organization.name);
      throw new AuditError(audit, reportDir);
    }
    applyNoindex(built, new Set(audit.noindexed));
    writeSiteFiles(plan, data.origin, staging, new Set(audit.noindexed));
    writeReport(join(staging, "_report"), audit, quality, model.site.organization.name);
    rmSync(`${outDir}.failed-report`, { recursive: true, force: true });
    swapInto(staging, outDir);
    return { outDir, pages: plan.pages.length, indexable: audit.pages.filter((p) => p.indexable).length, warnings, audit };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Thin pages under `onThin: noindex`: swap the canonical link for a robots noindex tag. */
function applyNoindex(built: BuiltPage[], urls: Set<string>): void {
  for (const page of built) {
    if (!urls.has(page.url) || !page.outputPath) continue;
    const html = readFileSync(page.outputPath, "utf8").replace(/<link rel="canonical" href="[^"]*">/, '<meta name="robots" content="noindex">');
    writeFileSync(page.outputPath, html);
  }
}

export type { Finding };
