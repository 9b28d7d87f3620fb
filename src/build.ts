import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { auditSite, formatFinding, type Finding } from "./audit/index.ts";
import { prepare } from "./pipeline/index.ts";
import type { Problem } from "./problems.ts";
import { stagingDir, swapInto, writeSiteFiles } from "./publish/index.ts";
import { renderSite } from "./render/run.ts";

export interface BuildOptions {
  /** Project folder holding site.yaml, locations/ and conditions/. */
  root: string;
  /** Where the site goes; defaults to `<root>/output`. */
  outDir?: string;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  indexable: number;
  warnings: Problem[];
  findings: Finding[];
}

/** Thrown when the audit finds errors in the built pages; nothing is published. */
export class AuditError extends Error {
  constructor(readonly findings: Finding[]) {
    const errors = findings.filter((f) => f.severity === "error");
    const pages = new Set(errors.map((f) => f.page)).size;
    super(`${errors.map(formatFinding).join("\n")}\n\n${errors.length} audit ${errors.length === 1 ? "error" : "errors"} on ${pages} ${pages === 1 ? "page" : "pages"}; nothing was published and output/ is unchanged.`);
    this.name = "AuditError";
  }
}

/**
 * The whole build: load, validate, plan, render, publish. Bad data throws DataError
 * before anything is written; the new site replaces `outDir` only when complete.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, "output"));
  const { plan, warnings, data } = prepare(root);
  const staging = stagingDir(outDir);
  let findings: Finding[];
  try {
    const built = await renderSite(data, staging);
    findings = auditSite(built, plan);
    if (findings.some((f) => f.severity === "error")) throw new AuditError(findings);
    writeSiteFiles(plan, data.origin, staging);
    swapInto(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, pages: plan.pages.length, indexable: plan.pages.filter((p) => p.indexable).length, warnings, findings };
}
