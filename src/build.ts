import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyzeShard, auditSiteParallel, type AuditResult, type BuiltPage } from "./audit/index.ts";
import { shardFile, writeShardSummaries } from "./audit/shard-file.ts";
import type { ImagePlan } from "./images/plan.ts";
import { shardPlan, type Shard } from "./plan/shard.ts";
import { prepare, type Prepared } from "./pipeline/index.ts";
import { AuditError, DataError, type Problem } from "./problems.ts";
import { today } from "./rules/dates.ts";
import { noindexTag } from "./rules/page-markup.ts";
import { buildManifest, type Manifest } from "./publish/manifest.ts";
import { checkReportDir, failedReportDir, manifestFile, reportDirFor } from "./publish/report-location.ts";
import { wantsAdmin, writeAdmin } from "./cms/admin.ts";
import { indexNowKey, writeKeyFile } from "./indexnow/key.ts";
import { openOutDir, stagingDir, swapInto, writeSiteFiles } from "./publish/index.ts";
import { writeReport } from "./publish/report.ts";
import { renderSite } from "./render/run.ts";
import { withImages } from "./render/render-data.ts";
import { imageCacheDir } from "./images/cache.ts";
import { checkedToday } from "./validate/environment.ts";
import { generateImages, type ImageSummary } from "./images/generate.ts";
import { logoBytes, planImages } from "./images/plan.ts";

export interface BuildOptions {
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
 * The whole build: load, validate, plan, render, audit, publish. Bad data throws DataError
 * before anything is written; audit errors throw AuditError; the new site replaces `outDir`
 * only when complete.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const root = resolve(options.root);
  const outDir = openOutDir(root, options.outDir ?? join(root, "output"));
  const reportDir = reportDirFor(outDir, options.reportDir);
  checkReportDir(reportDir, outDir);
  const prepared = prepare(root, { baseUrl: options.baseUrl });
  const { model, plan, warnings } = prepared;
  const previous = options.since ? readManifest(options.since) : undefined;
  const images = await planImages(model, plan, root);
  const quality = model.site.quality;
  if (options.shard) return buildShard(options, root, outDir, reportDir, prepared, images);
  const data = withImages(prepared.data, images);
  lap("prepare");
  const staging = stagingDir(outDir);
  try {
    const built = await renderSite(data, staging);
    lap("render");
    const imageSummary = await generateImages(images, root, staging, options.cacheDir ?? imageCacheDir(root), logoBytes(model, root));
    lap("images");
    const audit = await auditSiteParallel(built, plan, { origin: data.origin, quality, today: options.today ?? today() });
    lap("audit");
    if (audit.findings.some((f) => f.severity === "error")) {
      writeReport(failedReportDir(reportDir), audit, quality, model.site.organization.name, plan.notBuilt);
      throw new AuditError(audit, failedReportDir(reportDir));
    }
    if (wantsAdmin(model, options.staging === true)) writeAdmin(staging, model, data.origin);
    const indexNow = indexNowKey(model.site);
    publishSite({ built, plan, audit, staging, outDir, reportDir, origin: data.origin, options, siteName: model.site.organization.name, quality, previous, indexNowKey: indexNow, lap });
    return { outDir, reportDir, pages: plan.pages.length, indexable: audit.pages.filter((p) => p.indexable).length, warnings, audit, staging: options.staging === true, images: imageSummary, timings };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

interface PublishInput {
  built: BuiltPage[];
  plan: Prepared["plan"];
  audit: AuditResult;
  staging: string;
  outDir: string;
  /** The report folder beside outDir; replaced together with the site. */
  reportDir: string;
  origin: string;
  options: BuildOptions;
  siteName: string;
  quality: Prepared["model"]["site"]["quality"];
  previous?: Manifest;
  /** Written as /<key>.txt at the site root (production builds only) so IndexNow can verify the site. */
  indexNowKey?: string;
  lap: (stage: string) => void;
  /** URLs per shard, for one sitemap per shard under a sitemap index. */
  shards?: string[][];
}

/**
 * Noindex where needed, sitemap(s), robots.txt and the IndexNow key file into the site; report and
 * manifest into a new report folder beside it; then both are swapped into place.
 */
export function publishSite(input: PublishInput): void {
  const { built, plan, audit, staging, outDir, origin, options } = input;
  applyNoindex(built, options.staging ? new Set(built.map((p) => p.url)) : new Set(audit.noindexed));
  writeSiteFiles(plan, origin, staging, { noindexed: new Set(audit.noindexed), staging: options.staging === true, shards: input.shards });
  if (input.indexNowKey && !options.staging) writeKeyFile(staging, input.indexNowKey);
  const report = stagingDir(input.reportDir);
  writeReport(report, audit, input.quality, input.siteName, plan.notBuilt);
  input.lap("publish");
  writeManifest(report, staging, origin, options.staging === true, input.previous);
  input.lap("manifest");
  swapInto(staging, outDir);
  swapInto(report, input.reportDir);
  input.lap("swap");
}

/** A shard: its pages, their images and per-page checks, and the summaries `combine` needs. */
async function buildShard(options: BuildOptions, root: string, outDir: string, reportDir: string, prepared: Prepared, images: ImagePlan): Promise<BuildResult> {
  const { model, plan, warnings } = prepared;
  const shard = options.shard!;
  const mine = shardPlan(plan, shard);
  const urls = new Set(mine.pages.map((p) => p.url));
  const shardImages = { ...images, cards: new Map([...images.cards].filter(([url]) => urls.has(url))) };
  const data = withImages({ ...prepared.data, plan: mine }, shardImages);
  const staging = stagingDir(outDir);
  try {
    const built = await renderSite(data, staging);
    const imageSummary = await generateImages(shardImages, root, staging, options.cacheDir ?? imageCacheDir(root), logoBytes(model, root));
    const summaries = await analyzeShard(built, { origin: data.origin, quality: model.site.quality, today: options.today ?? today(), urls: plan.pages.map((p) => p.url) });
    const findings = summaries.flatMap((s) => s.findings);
    const audit: AuditResult = { findings, pages: [], noindexed: [], thirdPartyHosts: {} };
    if (findings.some((f) => f.severity === "error")) {
      writeReport(failedReportDir(reportDir), audit, model.site.quality, model.site.organization.name);
      throw new AuditError(audit, failedReportDir(reportDir));
    }
    mkdirSync(join(staging, "_report"), { recursive: true });
    writeShardSummaries(join(staging, shardFile), summaries);
    swapInto(staging, outDir);
    return { outDir, reportDir, pages: mine.pages.length, indexable: 0, warnings, audit, staging: options.staging === true, images: imageSummary, timings: {} };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function readManifest(path: string): Manifest {
  const problem = (message: string) => new DataError([{ file: path, field: "(--since)", message, hint: "pass the manifest.json of a previous build (report/manifest.json)" }]);
  let parsed: Manifest;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (error) {
    throw problem(existsSync(path) ? `is not valid JSON: ${(error as Error).message}` : "does not exist");
  }
  if (parsed?.schema !== "clinic-pages/manifest@1" || typeof parsed.files !== "object") throw problem("is not a clinic-pages manifest");
  return parsed;
}

/** Hashes every file of the site folder into `<report>/manifest.json`. */
function writeManifest(reportDir: string, siteDir: string, origin: string, staging: boolean, previous?: Manifest): void {
  writeFileSync(join(reportDir, manifestFile), `${JSON.stringify(buildManifest(siteDir, origin, staging, previous), null, 2)}\n`);
}

/** Thin pages under `onThin: noindex` (or every page of a staging build): swap the canonical link for a robots noindex tag. */
export function applyNoindex(built: BuiltPage[], urls: Set<string>): void {
  for (const page of built) {
    if (!urls.has(page.url) || !page.outputPath) continue;
    const html = (page.html || readFileSync(page.outputPath, "utf8")).replace(/<link rel="canonical" href="[^"]*">/, noindexTag);
    writeFileSync(page.outputPath, html);
  }
}

