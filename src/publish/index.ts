import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../plan/index.ts";
import { buildRobots, buildSitemaps } from "./sitemap.ts";

export { stagingDir, swapInto } from "./swap.ts";

/** Writes sitemap(s) and robots.txt into a built site folder. */
export function writeSiteFiles(plan: Plan, origin: string, outDir: string): void {
  for (const [name, xml] of buildSitemaps(plan.pages, origin)) writeFileSync(join(outDir, name), xml);
  writeFileSync(join(outDir, "robots.txt"), buildRobots(origin));
}
