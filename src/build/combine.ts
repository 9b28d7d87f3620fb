import { cpSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readShardSummaries, shardFile } from "../audit/shard-file.ts";
import { buildResult, type BuildOptions, type BuildResult } from "./build.ts";
import { openOutDir } from "../publish/index.ts";
import { checkReportDir, reportDirFor } from "../publish/report-location.ts";
import { today } from "../rules/dates.ts";
import { prepare } from "./prepare.ts";
import { inStaging, patchNoindex, publish, readManifest, siteChecks, stopwatch } from "./stages.ts";
import { DataError } from "../problems.ts";

/**
 * Joins shard builds (`npm run build -- --shard i/n --out shard-i`) into one site: prepare →
 * read the shards' summaries → site-wide checks (uniqueness across every page, duplicate titles,
 * anchors between shards) → copy the shards' files → publish (one sitemap per shard under a
 * sitemap index, the report, the manifest) → swap. It holds summaries, never HTML, and like a
 * build publishes only when everything passes.
 */
export async function combine(options: BuildOptions & { shards: string[] }): Promise<BuildResult> {
  const clock = stopwatch();
  const root = resolve(options.root);
  const outDir = openOutDir(root, options.outDir ?? join(root, "output"));
  const reportDir = reportDirFor(outDir, options.reportDir);
  checkReportDir(reportDir, outDir);
  const prepared = prepare(root, { baseUrl: options.baseUrl });
  const summaries = options.shards.map((dir) => {
    const file = join(resolve(dir), shardFile);
    if (!existsSync(file))
      throw new DataError([
        {
          file: dir,
          field: "(shard)",
          message: `has no ${shardFile}`,
          hint: "pass folders written by npm run build -- --shard i/n --out DIR",
        },
      ]);
    return readShardSummaries(file);
  });
  const all = summaries.flat();
  const built = new Set(all.map((s) => s.url));
  const missing = prepared.plan.pages.filter((p) => !built.has(p.url)).map((p) => p.url);
  if (missing.length > 0)
    throw new DataError([
      {
        file: "(shards)",
        field: "pages",
        message: `${missing.length} planned pages are in no shard, e.g. ${missing.slice(0, 3).join(", ")}`,
        hint: "build every shard i/n of the same data and pass all of their folders",
      },
    ]);
  const previous = options.since ? readManifest(options.since) : undefined;
  const audit = siteChecks(prepared, all, reportDir, { today: options.today ?? today() });
  clock.lap("audit");
  await inStaging(outDir, reportDir, async (target, report) => {
    for (const dir of options.shards)
      cpSync(resolve(dir), target, {
        recursive: true,
        filter: (src) => !src.startsWith(join(resolve(dir), "_report")),
      });
    // Shards built without --staging still publish as staging when combine is told so.
    if (options.staging)
      await patchNoindex(
        target,
        all.map((s) => s.url),
      );
    clock.lap("copy");
    const shards = summaries.map((s) => s.map((p) => p.url));
    await publish(prepared, audit, target, report, { staging: options.staging, previous, shards }, clock.lap);
  });
  const noImages = { images: 0, cached: 0, seconds: 0 };
  return buildResult(prepared, outDir, reportDir, options, audit, noImages, clock.timings);
}
