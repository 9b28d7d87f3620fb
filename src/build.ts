import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
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
  try {
    await renderSite(data, staging);
    writeSiteFiles(plan, data.origin, staging);
    swapInto(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, pages: plan.pages.length, indexable: plan.pages.filter((p) => p.indexable).length, warnings };
}
