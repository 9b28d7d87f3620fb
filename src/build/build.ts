import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { AuditResult } from "../audit/index.ts";
import { shardFile, writeShardSummaries } from "../audit/shard-file.ts";
import type { ImageSummary } from "../images/generate.ts";
import { shardPlan, type Shard } from "../plan/shard.ts";
import { prepare, type Prepared } from "./prepare.ts";
import {
  failAudit,
  inStaging,
  planImagesStage,
  publish,
  readManifest,
  renderWithImages,
  siteChecks,
  stopwatch,
  type Planned,
} from "./stages.ts";
import { defaultChunkSize, defaultThreads, RenderThreads, type ChunkOptions } from "./chunks.ts";
import type { Manifest } from "../publish/manifest.ts";
import type { Problem } from "../problems.ts";
import { openOutDir } from "../publish/index.ts";
import { checkReportDir, reportDirFor } from "../publish/report-location.ts";
import { today } from "../rules/dates.ts";

export { readManifest } from "./stages.ts";

export interface BuildOptions extends ChunkOptions {
  /** Project folder holding site.yaml, locations/ and conditions/. */
  root: string;
  /** Where the site goes; defaults to `<root>/output`. */
  outDir?: string;
  /** Where the report and manifest go; defaults to `report/` beside outDir (never inside it). */
  reportDir?: string;
  /** YYYY-MM-DD that review ages are measured against; defaults to today (UTC). */
  today?: string;
  /** Overrides site.yaml baseUrl (canonical URLs, sitemap, JSON-LD). */
  baseUrl?: string;
  /** A staging build: every page noindex, robots.txt disallows everything, no sitemap. */
  staging?: boolean;
  /** A previous manifest.json; the new manifest then lists what was added, changed and removed. */
  since?: string;
  /** Image cache folder, kept between builds (default `<root>/.cache/clinic-pages/images`). */
  cacheDir?: string;
  /** Build only this share of the pages; `npm run combine` joins the shards. */
  shard?: Shard;
}

export interface BuildResult {
  outDir: string;
  reportDir: string;
  pages: number;
  indexable: number;
  warnings: Problem[];
  audit: AuditResult;
  staging: boolean;
  images: ImageSummary;
  /** Seconds per stage: prepare, render, images, audit, publish, manifest, swap. */
  timings: Record<string, number>;
}

/**
 * The whole build: prepare → plan images → render, check and write pages in chunks over
 * worker threads, with the images made meanwhile → site-wide checks → publish → swap. Bad data
 * throws DataError before anything is written; audit errors throw AuditError; a build that does
 * not fit in memory throws OutOfMemoryError.
 * The new site replaces `outDir` only when complete.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const clock = stopwatch();
  const root = resolve(options.root);
  const outDir = openOutDir(root, options.outDir ?? join(root, "output"));
  const reportDir = reportDirFor(outDir, options.reportDir);
  checkReportDir(reportDir, outDir);
  const previous = options.since ? readManifest(options.since) : undefined;
  const threads = new RenderThreads(options);
  try {
    // A worker started now loads its modules and compiles the templates while the data is prepared.
    if (expectsSeveralChunks(root, options)) threads.start(1);
    const planned = await planImagesStage(prepare(root, { baseUrl: options.baseUrl }), root);
    clock.lap("prepare");
    if (options.shard)
      return await buildShard(planned, options, root, outDir, reportDir, options.shard, threads);
    return await buildSite(planned, options, root, outDir, reportDir, previous, threads, clock);
  } finally {
    await threads.close();
  }
}

/** The full build after prepare: its stages inside a staging folder, then the swap. */
async function buildSite(
  planned: Planned,
  options: BuildOptions,
  root: string,
  outDir: string,
  reportDir: string,
  previous: Manifest | undefined,
  threads: RenderThreads,
  clock: ReturnType<typeof stopwatch>,
): Promise<BuildResult> {
  const settings = { ...options, today: options.today ?? today() };
  const { audit, images } = await inStaging(outDir, reportDir, async (target, report) => {
    const { rendered, images } = await renderWithImages(
      planned,
      planned.plan.pages,
      target,
      settings,
      threads,
      {
        ...options,
        root,
        previousOut: outDir,
      },
    );
    clock.lap("render and images");
    const audit = siteChecks(planned, rendered.summaries, reportDir, settings);
    clock.lap("audit");
    // Page and image hashes come from their writers; the manifest reads only the few other files.
    const hashes = rendered.hashes;
    for (const [file, digest] of images.hashes ?? []) hashes.set(file, digest);
    const publishing = { staging: options.staging, previous, hashes, threads: options.threads };
    await publish(planned, audit, target, report, publishing, clock.lap);
    return { audit, images };
  });
  clock.lap("swap");
  return buildResult(planned, outDir, reportDir, options, audit, images, clock.timings);
}

/**
 * True when the data files promise more pages than one chunk (a page per location and
 * condition, roughly), so the render stage will use worker threads. Only decides whether one
 * starts early; the plan decides how many the stage uses.
 */
function expectsSeveralChunks(root: string, options: ChunkOptions): boolean {
  if ((options.threads ?? defaultThreads()) < 2) return false;
  const count = (folder: string) => {
    try {
      return readdirSync(join(root, folder)).length;
    } catch {
      return 0;
    }
  };
  return count("locations") * count("conditions") > (options.chunkSize ?? defaultChunkSize);
}

/**
 * A shard: its share of the pages rendered, checked page by page against the whole plan's URLs,
 * their images, and the summaries `combine` needs for the site-wide checks.
 */
async function buildShard(
  planned: Planned,
  options: BuildOptions,
  root: string,
  outDir: string,
  reportDir: string,
  shard: Shard,
  threads: RenderThreads,
): Promise<BuildResult> {
  const pages = shardPlan(planned.plan, shard).pages;
  const settings = { ...options, today: options.today ?? today() };
  const { audit, images } = await inStaging(outDir, reportDir, async (target) => {
    const { rendered, images } = await renderWithImages(planned, pages, target, settings, threads, {
      ...options,
      root,
      pages,
      previousOut: outDir,
    });
    const { summaries } = rendered;
    const findings = summaries.flatMap((s) => s.findings);
    const audit: AuditResult = { findings, pages: [], noindexed: [], thirdPartyHosts: {} };
    if (findings.some((f) => f.severity === "error")) failAudit(planned, audit, reportDir);
    mkdirSync(join(target, "_report"), { recursive: true });
    writeShardSummaries(join(target, shardFile), summaries);
    return { audit, images };
  });
  return {
    ...buildResult(planned, outDir, reportDir, options, audit, images, {}),
    pages: pages.length,
    indexable: 0,
  };
}

/** What a build (or `combine`) returns, from its prepared data, audit and images. */
export function buildResult(
  planned: Prepared,
  outDir: string,
  reportDir: string,
  options: BuildOptions,
  audit: AuditResult,
  images: ImageSummary,
  timings: Record<string, number>,
): BuildResult {
  const indexable = audit.pages.filter((p) => p.indexable).length;
  return {
    outDir,
    reportDir,
    pages: planned.plan.pages.length,
    indexable,
    warnings: planned.warnings,
    audit,
    staging: options.staging === true,
    images,
    timings,
  };
}
