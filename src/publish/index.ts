import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../plan/index.ts";
import { buildRobots, buildShardSitemaps, buildSitemaps } from "./sitemap.ts";

import { checkOutDir } from "./out-dir.ts";
import { recoverSwap } from "./swap.ts";

export { recoverSwap, stagingDir, swapInto } from "./swap.ts";

/**
 * The output folder a command may replace (see `checkOutDir`), after recovering from a swap that
 * was interrupted. Every command that builds calls this before anything else.
 */
export function openOutDir(root: string, outDir: string): string {
  const target = checkOutDir(root, outDir);
  recoverSwap(target);
  return target;
}

/**
 * Writes sitemap(s) and robots.txt into a built site folder. `noindexed` pages stay out of the
 * sitemap; a staging build gets no sitemap and a robots.txt that disallows everything.
 */
export function writeSiteFiles(
  plan: Plan,
  origin: string,
  outDir: string,
  options: { noindexed?: Set<string>; staging?: boolean; shards?: string[][] } = {},
): void {
  if (options.staging)
    return void writeFileSync(
      join(outDir, "robots.txt"),
      "# Staging build: not for search engines.\nUser-agent: *\nDisallow: /\n",
    );
  const listed = plan.pages.filter((p) => p.indexable && !options.noindexed?.has(p.url));
  const sitemaps = options.shards
    ? buildShardSitemaps(listed, origin, options.shards)
    : buildSitemaps(listed, origin);
  for (const [name, xml] of sitemaps) writeFileSync(join(outDir, name), xml);
  writeFileSync(join(outDir, "robots.txt"), buildRobots(origin));
}
