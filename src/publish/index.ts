import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../plan/index.ts";
import { buildRobots, buildSitemaps } from "./sitemap.ts";

export { stagingDir, swapInto } from "./swap.ts";

/** Writes sitemap(s) and robots.txt into a built site folder; `noindexed` pages stay out of the sitemap. */
export function writeSiteFiles(plan: Plan, origin: string, outDir: string, noindexed = new Set<string>()): void {
  const listed = plan.pages.filter((p) => p.indexable && !noindexed.has(p.url));
  for (const [name, xml] of buildSitemaps(listed, origin)) writeFileSync(join(outDir, name), xml);
  writeFileSync(join(outDir, "robots.txt"), buildRobots(origin));
}
