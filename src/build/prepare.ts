import { readFileSync } from "node:fs";
import { loadProject } from "../load/index.ts";
import { buildPlan, type Plan } from "../plan/index.ts";
import { DataError, type Problem } from "../problems.ts";
import { buildRenderData, type RenderData } from "../render/render-data.ts";
import { evidenceScopeWarnings } from "../validate/evidence-scope.ts";
import { validateProject, type Model } from "../validate/index.ts";
import { packagePath } from "../rules/package-paths.ts";

/** The result of the pure stages: load, validate, plan, and the data templates read. */
export interface Prepared {
  model: Model;
  plan: Plan;
  warnings: Problem[];
  data: RenderData;
}

export interface PrepareOptions {
  /** Overrides site.yaml baseUrl, e.g. for a staging deploy. */
  baseUrl?: string;
}

/** Runs load → validate → plan for the project in `root`. Throws DataError on bad data. */
export function prepare(root: string, options: PrepareOptions = {}): Prepared {
  const loaded = loadProject(root);
  const model = validateProject(loaded);
  if (options.baseUrl !== undefined) model.site.baseUrl = checkBaseUrl(options.baseUrl);
  const { plan, warnings } = buildPlan(model);
  warnings.unshift(...evidenceScopeWarnings(model.conditions, loaded.conditions));
  const css = readFileSync(packagePath("templates/assets/site.css"), "utf8");
  return {
    model,
    plan,
    warnings: [...(model.notes ?? []), ...warnings],
    data: buildRenderData(model, plan, css),
  };
}

/** A base URL given on the command line or in CLINIC_PAGES_BASE_URL must be a bare http(s) origin. */
function checkBaseUrl(value: string): string {
  const problem = (message: string) =>
    new DataError([
      {
        file: "--base-url",
        field: "baseUrl",
        message,
        hint: "give an origin such as https://staging.example.com",
      },
    ]);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw problem(`"${value}" is not a web address`);
  }
  if (!/^https?:$/.test(url.protocol)) throw problem(`"${value}" must start with https:// or http://`);
  return url.origin;
}
