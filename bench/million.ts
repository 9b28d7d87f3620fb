import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packagePath } from "../src/rules/package-paths.ts";
import { generateProject } from "./generate.ts";
import { measureNode } from "./measure.ts";

/**
 * The route to 1,000,000 pages, simulated at reduced scale: the site is built as n shards one
 * after another (as n CI runners would in parallel), then `combine` joins them. Prints each
 * process's wall time and peak memory, and what they extrapolate to for a million pages.
 * Usage: tsx bench/million.ts [--locations 1250] [--shards 4]
 */
const { values } = parseArgs({
  options: { locations: { type: "string", default: "1250" }, shards: { type: "string", default: "4" } },
});
const work = packagePath(".cache/bench");
const project = join(work, `project-${values.locations}`, "site");
const shards = Number(values.shards);
mkdirSync(work, { recursive: true });
generateProject(project, Number(values.locations));

const run = (script: string, args: string[]) => measureNode(work, script, args);

const dirs = Array.from({ length: shards }, (_, i) => join(work, "million", `shard-${i + 1}`));
const shardRuns = dirs.map((dir, i) =>
  run(packagePath("src/cli/build.ts"), ["--root", project, "--out", dir, "--shard", `${i + 1}/${shards}`]),
);
const combined = run(packagePath("src/cli/combine.ts"), [
  ...dirs,
  "--root",
  project,
  "--out",
  join(work, "million", "output"),
]);
const pages = Number(/: (\d+) pages/.exec(combined.stdout)?.[1] ?? 0);
rmSync(join(work, "million"), { recursive: true, force: true });

const max = (xs: number[]) => Math.max(...xs);
const perShard = pages / shards;
console.log(
  `${pages.toLocaleString("en-US")} pages as ${shards} shards of about ${Math.round(perShard).toLocaleString("en-US")}:`,
);
shardRuns.forEach((r, i) =>
  console.log(`  shard ${i + 1}/${shards}: ${r.seconds.toFixed(1)} s, peak ${r.peakMB.toFixed(0)} MB`),
);
console.log(`  combine: ${combined.seconds.toFixed(1)} s, peak ${combined.peakMB.toFixed(0)} MB`);
// Shard cost follows its own page count (chunks bound its memory); combine's follows the whole site's.
const combineKBPerPage = (combined.peakMB * 1024) / pages;
console.log("extrapolated to 1,000,000 pages:");
console.log(
  `  20 shards of 50,000 pages: each about ${(((max(shardRuns.map((r) => r.seconds)) / perShard) * 50_000) / 60).toFixed(1)} min on this machine's 2 cores (run in parallel on 20 runners)`,
);
console.log(
  `  combine: ${(((combined.seconds / pages) * 1_000_000) / 60).toFixed(1)} min; memory at most ${combineKBPerPage.toFixed(1)} KB per page here, a loose upper bound (the process's fixed baseline is in it)`,
);
