import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { planImages } from "../src/images/plan.ts";
import { loadProject } from "../src/load/index.ts";
import { buildPlan } from "../src/plan/index.ts";
import { packagePath } from "../src/rules/package-paths.ts";
import { publish, renderPages, siteChecks } from "../src/build/stages.ts";
import { buildRenderData } from "../src/render/render-data.ts";
import { validateProject } from "../src/validate/index.ts";
import { generateProject } from "./generate.ts";

/**
 * Times every stage of a build in-process at several site sizes, to show how each grows:
 * load, validate, plan, render data, card planning, render + page checks + write (chunks over
 * worker threads), the site-wide checks and publishing. Image drawing is left out (bench/images.ts).
 * Usage: tsx bench/stages.ts [--sizes 1000,2000,4000,8000] [--render-up-to 4000]
 * Prints one JSON line per size.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,2000,4000,8000" },
    "render-up-to": { type: "string", default: "8000" },
  },
});
const work = packagePath(".cache/bench/stages");
mkdirSync(work, { recursive: true });

async function timeStages(locations: number, render: boolean) {
  const project = join(work, `project-${locations}`);
  if (!existsSync(join(project, "site.yaml"))) generateProject(project, locations);
  const stages: Record<string, number> = {};
  const time = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    stages[name] = Math.round(performance.now() - start) / 1000;
    return value;
  };
  const loaded = await time("load", () => loadProject(project));
  const model = await time("validate", () => validateProject(loaded));
  const { plan, warnings } = await time("plan", () => buildPlan(model));
  const data = await time("renderData", () => buildRenderData(model, plan, ""));
  const images = await time("cardPlan", () => planImages(model, plan, project));
  const result: Record<string, unknown> = { locations, pages: plan.pages.length, stages };
  if (render) {
    const out = join(work, "out");
    rmSync(out, { recursive: true, force: true });
    const planned = { model, plan, warnings, data, images };
    const settings = { today: "2026-11-25" };
    mkdirSync(join(work, "report"), { recursive: true });
    const summaries = (
      await time("render+check+write", () => renderPages(planned, plan.pages, out, settings))
    ).summaries;
    const audit = await time("siteChecks", () => siteChecks(planned, summaries, out, settings));
    await time("publish", () => publish(planned, audit, out, join(work, "report"), {}));
    rmSync(out, { recursive: true, force: true });
  }
  result.peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  return result;
}

const renderUpTo = Number(values["render-up-to"]);
for (const size of values.sizes!.split(",").map(Number))
  console.log(JSON.stringify(await timeStages(size, size <= renderUpTo)));
