import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { auditSite, summarize, type AuditResult, type BuiltPage, type PageSummary } from "../audit/index.ts";
import { wantsAdmin, writeAdmin } from "../cms/admin.ts";
import { indexNowKey, writeKeyFile } from "../indexnow/key.ts";
import { imageCacheDir } from "../images/cache.ts";
import { generateImages, type ImageSummary } from "../images/generate.ts";
import { logoBytes, planImages, type CardSpec, type ImagePlan } from "../images/plan.ts";
import type { Page } from "../plan/index.ts";
import { AuditError, DataError } from "../problems.ts";
import { failedReportDir, manifestFile } from "../publish/report-location.ts";
import { buildManifest, type Manifest } from "../publish/manifest.ts";
import { stagingDir, swapInto, writeSiteFiles } from "../publish/index.ts";
import { writeReport } from "../publish/report.ts";
import { jsonPieces, writePieces } from "../publish/json-file.ts";
import { outputFile, pageFile, patchNoindexFile } from "../publish/page-file.ts";
import {
  defaultThreads,
  renderChunks,
  type ChunkOptions,
  type Rendered,
  type RenderThreads,
} from "./chunks.ts";
import { startWorker, WorkerPool } from "./workers.ts";
import { withImages } from "../render/render-data.ts";
import { packagePath } from "../rules/package-paths.ts";
import type { Prepared } from "./prepare.ts";

/*
 * The stages of a build as plain typed functions. Data flows one way:
 * prepare (load → validate → plan) → planImages → renderPages (render → page checks → write,
 * in chunks) beside makeImages (together: renderWithImages) → siteChecks (across every page's
 * summary) → publish → swap.
 * Each entry point composes the ones it needs: `build` (full and shard), `combine`, and the
 * preview (`npm start`, src/build/preview.ts: prepare → planImagesStage → makeImages → render by
 * Eleventy's server → checkPages). A new mode is a new composition, not a copy of one.
 */

/** Prepared data plus the planned photos and cards (URLs and sizes known before rendering). */
export interface Planned extends Prepared {
  images: ImagePlan;
}

/** Settings the audit needs besides the pages. */
export interface CheckSettings {
  /** YYYY-MM-DD that review ages are measured against. */
  today: string;
}

/** Stage: the photos and social cards every page will reference. */
export async function planImagesStage(prepared: Prepared, root: string): Promise<Planned> {
  return { ...prepared, images: await planImages(prepared.model, prepared.plan, root) };
}

/**
 * Stage: renders, checks and writes `pages` into `target` in chunks over worker threads.
 * Links are checked against every URL of the whole plan, also when `pages` is one shard.
 * `threads`: worker threads the caller started early (and closes); else the stage starts its own.
 */
export function renderPages(
  planned: Planned,
  pages: Page[],
  target: string,
  settings: CheckSettings & ChunkOptions & { staging?: boolean },
  threads?: RenderThreads,
): Promise<Rendered> {
  const { model, plan, data } = planned;
  // Pages and cards travel with their chunks; every worker gets the rest once.
  const shared = {
    ...withImages(data, { photos: planned.images.photos, cards: new Map(), logo: planned.images.logo }),
    plan: { pages: [], byKind: emptyKinds(), notBuilt: [] },
  };
  const ctx = {
    data: shared,
    audit: {
      origin: data.origin,
      quality: model.site.quality,
      today: settings.today,
      urls: plan.pages.map((p) => p.url),
    },
    outDir: target,
    staging: settings.staging === true,
  };
  copyAssets(target);
  return renderChunks(pages, planned.images.cards, ctx, settings, threads);
}

function emptyKinds() {
  return {
    home: [],
    locations: [],
    location: [],
    condition: [],
    conditionLocation: [],
    clinics: [],
    clinic: [],
    team: [],
    practitioner: [],
    statement: [],
    notFound: [],
  };
}

/** The stylesheet, logo and favicon, published under /assets/. */
function copyAssets(target: string): void {
  cpSync(packagePath("templates/assets"), join(target, "assets"), { recursive: true });
}

/**
 * Stage: the photo variants and the cards of `pages` (all pages when omitted), from the cache
 * when it can; unchanged images of `previousOut`, the site being replaced, are linked, not copied.
 */
export function makeImages(
  planned: Planned,
  root: string,
  target: string,
  options: { cacheDir?: string; pages?: Page[]; previousOut?: string },
): Promise<ImageSummary> {
  const { images } = planned;
  const cards = options.pages
    ? new Map(options.pages.flatMap((p) => cardEntry(images.cards, p.url)))
    : images.cards;
  return generateImages(
    { photos: images.photos, cards, logo: images.logo },
    root,
    target,
    options.cacheDir ?? imageCacheDir(root),
    logoBytes(planned.model, root),
    options.previousOut,
  );
}

/**
 * Stage: renderPages and makeImages at once (images need nothing from the pages), then the
 * render workers stopped, so their memory is free for the site-wide checks, the build's largest
 * heap. Waits for both, so neither still writes into the staging folder when a failure removes it.
 */
export async function renderWithImages(
  planned: Planned,
  pages: Page[],
  target: string,
  settings: Parameters<typeof renderPages>[3],
  threads: RenderThreads,
  images: { root: string } & Parameters<typeof makeImages>[3],
): Promise<{ rendered: Rendered; images: ImageSummary }> {
  const [rendered, made] = await Promise.allSettled([
    renderPages(planned, pages, target, settings, threads),
    makeImages(planned, images.root, target, images),
  ]);
  await threads.close();
  if (rendered.status === "rejected") throw rendered.reason;
  if (made.status === "rejected") throw made.reason;
  return { rendered: rendered.value, images: made.value };
}

function cardEntry(cards: Map<string, CardSpec>, url: string): Array<[string, CardSpec]> {
  const card = cards.get(url);
  return card ? [[url, card]] : [];
}

/**
 * Stage: the site-wide checks over every page's summary (uniqueness, duplicate titles, anchors
 * between pages). With errors, the report goes beside the output and AuditError is thrown.
 */
export function siteChecks(
  planned: Prepared,
  summaries: PageSummary[],
  reportDir: string,
  settings: CheckSettings,
): AuditResult {
  const { model, plan, data } = planned;
  const ordered = [...summaries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const audit = summarize(ordered, plan, {
    origin: data.origin,
    quality: model.site.quality,
    today: settings.today,
  });
  if (audit.findings.some((f) => f.severity === "error")) failAudit(planned, audit, reportDir);
  return audit;
}

/**
 * Stage: the page checks and the site-wide checks over pages rendered elsewhere (the preview's,
 * which Eleventy writes). Writes nothing and throws nothing: the caller shows the findings.
 */
export function checkPages(planned: Prepared, pages: BuiltPage[], settings: CheckSettings): AuditResult {
  const { model, plan, data } = planned;
  return auditSite(pages, plan, { origin: data.origin, quality: model.site.quality, today: settings.today });
}

/** Writes the failed build's report apart from the last good one, and stops the build. */
export function failAudit(planned: Prepared, audit: AuditResult, reportDir: string): never {
  writeReport(
    failedReportDir(reportDir),
    audit,
    planned.model.site.quality,
    planned.model.site.organization.name,
    planned.plan.notBuilt,
  );
  throw new AuditError(audit, failedReportDir(reportDir));
}

/** What publishing needs besides the site folder. */
export interface PublishSettings {
  /** A staging build: noindex everywhere (already written so), robots.txt disallows all, no sitemap. */
  staging?: boolean;
  previous?: Manifest;
  /** URLs per shard, for one sitemap per shard under a sitemap index. */
  shards?: string[][];
  /** sha256 of files already known (pages and images), by path; the manifest reads only the rest. Patched pages' hashes are set in it. */
  hashes?: Map<string, string>;
  /** Worker threads for patching thin pages (default: one per core). */
  threads?: number;
}

/**
 * Stage: thin pages switched to noindex on disk (their files are read back one at a time),
 * sitemap(s), robots.txt, the editor and the IndexNow key file into the site folder `target`;
 * the report and the manifest into `report` (a staging folder beside the report folder).
 */
export async function publish(
  planned: Prepared,
  audit: AuditResult,
  target: string,
  report: string,
  settings: PublishSettings,
  lap: (stage: string) => void = () => {},
): Promise<void> {
  const { model, plan, data } = planned;
  const staging = settings.staging === true;
  const hashes = settings.hashes ?? new Map<string, string>();
  if (!staging)
    for (const [file, digest] of await patchNoindex(target, audit.noindexed, settings.threads))
      hashes.set(file, digest);
  writeSiteFiles(plan, data.origin, target, {
    noindexed: new Set(audit.noindexed),
    staging,
    shards: settings.shards,
  });
  if (wantsAdmin(model, staging)) writeAdmin(target, model, data.origin);
  const key = indexNowKey(model.site);
  if (key && !staging) writeKeyFile(target, key);
  writeReport(report, audit, model.site.quality, model.site.organization.name, plan.notBuilt);
  lap("publish");
  const manifest = buildManifest(target, data.origin, staging, settings.previous, hashes);
  writePieces(join(report, manifestFile), jsonPieces(manifest));
  lap("manifest");
}

/** Up to this many thin pages are patched on the main thread; more are split over worker threads. */
const patchOnMainUpTo = 1_000;
const patchesPerTask = 250;

/**
 * Pages that turned out too thin (`onThin: noindex`) are known only after every page was
 * checked: their files are read back and rewritten (at 100,000 pages, most of a minute on one
 * thread). Returns their new hashes, in the order of `urls`.
 */
export async function patchNoindex(
  target: string,
  urls: string[],
  threads = defaultThreads(),
): Promise<Map<string, string>> {
  let digests: string[];
  if (urls.length <= patchOnMainUpTo || threads < 2)
    digests = urls.map((url) => patchNoindexFile(outputFile(target, url)));
  else digests = await patchInWorkers(target, urls, threads);
  return new Map(urls.map((url, i) => [pageFile(url), digests[i]!]));
}

async function patchInWorkers(target: string, urls: string[], threads: number): Promise<string[]> {
  const tasks: Array<{ target: string; urls: string[] }> = [];
  for (let from = 0; from < urls.length; from += patchesPerTask)
    tasks.push({ target, urls: urls.slice(from, from + patchesPerTask) });
  const workers = Array.from({ length: Math.min(threads, tasks.length) }, () =>
    startWorker(new URL("./patch-worker.ts", import.meta.url)),
  );
  const pool = new WorkerPool<(typeof tasks)[number], string[]>(
    workers,
    () => new Error("a worker patching thin pages ran out of memory"),
    "patching thin pages, batch",
  );
  const digests: string[] = new Array(urls.length);
  try {
    await pool.run(tasks, (index, batch) =>
      batch.forEach((digest, i) => (digests[index * patchesPerTask + i] = digest)),
    );
  } finally {
    await pool.close();
  }
  return digests;
}

/**
 * Runs `work` in fresh folders beside `outDir` and `reportDir` and swaps both into place only
 * when `work` succeeds; on any failure they are removed and the previous output stays as it was.
 */
export async function inStaging<T>(
  outDir: string,
  reportDir: string,
  work: (target: string, report: string) => Promise<T>,
): Promise<T> {
  const target = stagingDir(outDir);
  const report = stagingDir(reportDir);
  try {
    const result = await work(target, report);
    swapInto(target, outDir);
    swapInto(report, reportDir);
    return result;
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    rmSync(report, { recursive: true, force: true });
    throw error;
  }
}

/** Reads a previous manifest given with --since. */
export function readManifest(path: string): Manifest {
  const problem = (message: string) =>
    new DataError([
      {
        file: path,
        field: "(--since)",
        message,
        hint: "pass the manifest.json of a previous build (report/manifest.json)",
      },
    ]);
  let parsed: Manifest;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (error) {
    throw problem(existsSync(path) ? `is not valid JSON: ${(error as Error).message}` : "does not exist");
  }
  if (parsed?.schema !== "clinic-pages/manifest@1" || typeof parsed.files !== "object")
    throw problem("is not a clinic-pages manifest");
  return parsed;
}

/** Seconds per stage, in the order the stages ran. */
export function stopwatch(): { lap: (stage: string) => void; timings: Record<string, number> } {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = Math.round(now - mark) / 1000;
      mark = now;
    },
  };
}
