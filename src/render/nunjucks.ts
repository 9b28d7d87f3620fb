import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import nunjucks from "nunjucks";
import type { PageKind } from "../plan/index.ts";
import { packagePath } from "../rules/package-paths.ts";
import { structuredDataScript } from "../structured-data/index.ts";
import { pageAttributes } from "../rules/page-markup.ts";
import { longDate } from "./format.ts";
import { fill, type Vars } from "../rules/placeholders.ts";

/** Where the templates live: page templates at the top, layouts and macros in `_includes/`. */
export const templatesDir = packagePath("templates");
const includesDir = join(templatesDir, "_includes");

/** Autoescape on everywhere; block tags leave no blank lines behind. */
export const environmentOptions = { autoescape: true, trimBlocks: true, lstripBlocks: true } as const;

/** The filters templates may use, registered the same way in Eleventy and in the chunk renderer. */
export const filters: Record<string, (...args: never[]) => unknown> = {
  longDate: (iso: string) => longDate(iso),
  structuredData: structuredDataScript as (...args: never[]) => unknown,
  // Copy sentences from site.yaml `copy`, with the page's values; autoescaped like any output.
  fill: ((pattern: string, vars: Vars) => fill(pattern, vars).text) as (...args: never[]) => unknown,
};

/**
 * The one Nunjucks environment of clinic-pages. Eleventy receives it through `setLibrary("njk")`
 * (preview and the reference build), and the chunked build renders with it directly, so both
 * resolve `extends`/`import` from the same folders with the same options and filters.
 */
export function nunjucksEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([includesDir, templatesDir]),
    environmentOptions,
  );
  for (const [name, fn] of Object.entries(filters)) env.addFilter(name, fn);
  // The data attributes templates and the audit share: a global, so macros see it too.
  env.addGlobal("attr", pageAttributes);
  return env;
}

/** A page template: which page kind it renders, and its body compiled once. */
export interface PageTemplate {
  kind: PageKind;
  file: string;
  template: nunjucks.Template;
}

/** The front matter every page template carries (Eleventy pagination over one page kind). */
const paginationPrefix = "cp.plan.byKind.";

/**
 * Reads `templates/*.njk` and compiles each body with `env`. Each template must paginate over
 * `cp.plan.byKind.<kind>` with `alias: p` and `permalink: "{{ p.url }}"`, which is what lets the
 * chunked build render any page by its kind exactly as Eleventy would.
 */
export function pageTemplates(env: nunjucks.Environment, dir = templatesDir): Map<PageKind, PageTemplate> {
  const templates = new Map<PageKind, PageTemplate>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".njk"))
    .sort()) {
    const path = join(dir, file);
    const { data, content } = matter(readFileSync(path, "utf8"));
    const pagination = data.pagination as { data?: string; alias?: string; size?: number } | undefined;
    const source = pagination?.data ?? "";
    if (
      !source.startsWith(paginationPrefix) ||
      pagination?.alias !== "p" ||
      pagination.size !== 1 ||
      data.permalink !== "{{ p.url }}"
    ) {
      throw new Error(
        `templates/${file}: a page template must paginate over ${paginationPrefix}<kind> with size 1, alias p and permalink "{{ p.url }}"`,
      );
    }
    const kind = source.slice(paginationPrefix.length) as PageKind;
    templates.set(kind, { kind, file, template: new nunjucks.Template(content, env, path, true) });
  }
  return templates;
}
