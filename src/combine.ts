import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { summarize, type BuiltPage } from "./audit/index.ts";
import { readShardSummaries, shardFile } from "./audit/shard-file.ts";
import { publishSite, readManifest, type BuildOptions, type BuildResult } from "./build.ts";
import { today } from "./rules/dates.ts";
import { prepare } from "./pipeline/index.ts";
import { AuditError, DataError } from "./problems.ts";
import { openOutDir, stagingDir } from "./publish/index.ts";
import { writeReport } from "./publish/report.ts";
import { checkReportDir, failedReportDir, reportDirFor } from "./publish/report-location.ts";
import { wantsAdmin, writeAdmin } from "./cms/admin.ts";
import { indexNowKey } from "./indexnow/key.ts";

/**
 * Joins shard builds (`npm run build -- --shard i/n --out shard-i`) into one site: copies their
 * pages, runs the site-wide checks (uniqueness across every page, duplicate titles, anchors
 * between shards) on their summaries, and writes one sitemap per shard under a sitemap index,
 * the report and the manifest. Like a build, it publishes only when everything passes.
 */
export async function combine(options: BuildOptions & { shards: string[] }): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = openOutDir(root, options.outDir ?? join(root, "output"));
  const reportDir = reportDirFor(outDir, options.reportDir);
  checkReportDir(reportDir, outDir);
  const { model, plan, warnings, data } = prepare(root, { baseUrl: options.baseUrl });
  const summaries = options.shards.map((dir) => {
    const file = join(resolve(dir), shardFile);
    if (!existsSync(file)) throw new DataError([{ file: dir, field: "(shard)", message: `has no ${shardFile}`, hint: "pass folders written by npm run build -- --shard i/n --out DIR" }]);
    return readShardSummaries(file);
  });
  const all = summaries.flat();
  const built = new Set(all.map((s) => s.url));
  const missing = plan.pages.filter((p) => !built.has(p.url)).map((p) => p.url);
  if (missing.length > 0) throw new DataError([{ file: "(shards)", field: "pages", message: `${missing.length} planned pages are in no shard, e.g. ${missing.slice(0, 3).join(", ")}`, hint: "build every shard i/n of the same data and pass all of their folders" }]);
  const quality = model.site.quality;
  const audit = summarize(all, plan, { origin: data.origin, quality, today: options.today ?? today() });
  if (audit.findings.some((f) => f.severity === "error")) {
    writeReport(failedReportDir(reportDir), audit, quality, model.site.organization.name, plan.notBuilt);
    throw new AuditError(audit, failedReportDir(reportDir));
  }
  const staging = stagingDir(outDir);
  try {
    for (const dir of options.shards) cpSync(resolve(dir), staging, { recursive: true, filter: (src) => !src.startsWith(join(resolve(dir), "_report")) });
    const pages: BuiltPage[] = all.map((s) => ({ url: s.url, html: "", outputPath: join(staging, s.url.endsWith("/") ? `${s.url}index.html` : s.url) }));
    const previous = options.since ? readManifest(options.since) : undefined;
    if (wantsAdmin(model, options.staging === true)) writeAdmin(staging, model, data.origin);
    const key = indexNowKey(model.site);
    publishSite({ built: pages, plan, audit, staging, outDir, reportDir, origin: data.origin, options, siteName: model.site.organization.name, quality, previous, indexNowKey: key, lap: () => {}, shards: summaries.map((s) => s.map((p) => p.url)) });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, reportDir, pages: plan.pages.length, indexable: audit.pages.filter((p) => p.indexable).length, warnings, audit, staging: options.staging === true, images: { images: 0, cached: 0, seconds: 0 }, timings: {} };
}
