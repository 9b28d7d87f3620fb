import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { summarize, type BuiltPage } from "./audit/index.ts";
import { readShardSummaries, shardFile } from "./audit/shard-file.ts";
import { AuditError, publishSite, readManifest, today, type BuildOptions, type BuildResult } from "./build.ts";
import { prepare } from "./pipeline/index.ts";
import { DataError } from "./problems.ts";
import { stagingDir } from "./publish/index.ts";
import { writeReport } from "./publish/report.ts";

/**
 * Joins shard builds (`npm run build -- --shard i/n --out shard-i`) into one site: copies their
 * pages, runs the site-wide checks (uniqueness across every page, duplicate titles, anchors
 * between shards) on their summaries, and writes one sitemap per shard under a sitemap index,
 * the report and the manifest. Like a build, it publishes only when everything passes.
 */
export async function combine(options: BuildOptions & { shards: string[] }): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, "output"));
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
    writeReport(`${outDir}.failed-report`, audit, quality, model.site.organization.name, plan.notBuilt);
    throw new AuditError(audit, `${outDir}.failed-report`);
  }
  const staging = stagingDir(outDir);
  try {
    for (const dir of options.shards) cpSync(resolve(dir), staging, { recursive: true, filter: (src) => !src.startsWith(join(resolve(dir), "_report")) });
    const pages: BuiltPage[] = all.map((s) => ({ url: s.url, html: "", outputPath: join(staging, s.url.endsWith("/") ? `${s.url}index.html` : s.url) }));
    const previous = options.since ? readManifest(options.since) : undefined;
    publishSite({ built: pages, plan, audit, staging, outDir, origin: data.origin, options, siteName: model.site.organization.name, quality, previous, lap: () => {}, shards: summaries.map((s) => s.map((p) => p.url)) });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, pages: plan.pages.length, indexable: audit.pages.filter((p) => p.indexable).length, warnings, audit, staging: options.staging === true, images: { images: 0, cached: 0, seconds: 0 }, timings: {} };
}
