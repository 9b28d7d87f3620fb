import { readFileSync } from "node:fs";
import { loadProject } from "../load/index.ts";
import { buildPlan, type Plan } from "../plan/index.ts";
import type { Problem } from "../problems.ts";
import { buildRenderData, type RenderData } from "../render/render-data.ts";
import { validateProject, type Model } from "../validate/index.ts";
import { packagePath } from "./paths.ts";

/** The result of the pure stages: load, validate, plan, and the data templates read. */
export interface Prepared {
  model: Model;
  plan: Plan;
  warnings: Problem[];
  data: RenderData;
}

/** Runs load → validate → plan for the project in `root`. Throws DataError on bad data. */
export function prepare(root: string): Prepared {
  const model = validateProject(loadProject(root));
  const { plan, warnings } = buildPlan(model);
  const css = readFileSync(packagePath("templates/assets/site.css"), "utf8");
  return { model, plan, warnings, data: buildRenderData(model, plan, css) };
}
