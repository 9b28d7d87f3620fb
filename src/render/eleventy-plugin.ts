import { existsSync, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import type { Plan } from "../plan/index.ts";
import { packagePath } from "../rules/package-paths.ts";
import { nunjucksEnvironment } from "./nunjucks.ts";

/** The part of Eleventy's configuration API that clinic-pages uses. */
export interface EleventyConfig {
  on?(event: "eleventy.after", listener: (event: { results: EleventyResult[] }) => unknown): void;
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setLibrary(engine: string, library: unknown): void;
}

/** One file Eleventy wrote, as its `eleventy.after` event lists it. */
export interface EleventyResult {
  url?: string | false;
  outputPath?: string | false;
  content?: string;
}

/**
 * The render stage inside Eleventy: the one Nunjucks environment (loader, options, filters,
 * globals, shared with the chunked build) and the stylesheet. The `cp` global data (the plan
 * and views) comes from whoever composes the pipeline: the build passes it in, and the preview
 * (src/build/preview.ts) adds a loader that runs the earlier stages on every rebuild.
 */
export default function clinicPages(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("njk", nunjucksEnvironment());
  eleventyConfig.addPassthroughCopy({ [packagePath("templates/assets")]: "assets" });
}

/**
 * Rebuilds when the project's data changes: edits and new files through Eleventy's watcher, and
 * deletions (which Eleventy does not rebuild on) by touching a trigger file it watches.
 */
export function watchData(eleventyConfig: EleventyConfig, root: string): void {
  const trigger = deletionTrigger(root);
  touch(trigger, "");
  for (const target of ["site.yaml", "locations/", "conditions/", trigger])
    eleventyConfig.addWatchTarget(target);
  watchDeletions(root, trigger);
}

/**
 * A file of ours that the preview touches when a data file is deleted: Eleventy rebuilds on
 * change, not on delete. It lives in the system's temporary folder because Eleventy's watcher
 * skips what .gitignore lists (.cache/ among it).
 */
function deletionTrigger(root: string): string {
  const id = createHash("sha256").update(root).digest("hex").slice(0, 12);
  return join(tmpdir(), `clinic-pages-preview-${id}`, "deleted.txt");
}

/** Watches the data folders for deletions and touches the trigger, so a deleted city's pages go away. */
function watchDeletions(root: string, trigger: string): void {
  for (const folder of ["locations", "conditions"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    watch(dir, (_event, name) => {
      if (name && !existsSync(join(dir, name.toString()))) touch(trigger, `${folder}/${name.toString()}`);
    }).unref();
  }
}

function touch(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${text}\n`);
}

/** The page URL an output file serves: `a/b/index.html` → `/a/b/`. */
function urlOfFile(outDir: string, path: string): string {
  return `/${relative(outDir, path).split(sep).join("/")}`.replace(/index\.html$/, "");
}

/** Removes pages the plan no longer has (a deleted city), so the preview stops serving them. */
export function removeStalePages(outDir: string, plan: Plan): void {
  if (!existsSync(outDir)) return;
  const planned = new Set(plan.pages.map((p) => p.url));
  for (const name of readdirSync(outDir, { recursive: true }).map(String)) {
    const path = join(outDir, name);
    if (name.endsWith(".html") && !name.endsWith("404.html") && !planned.has(urlOfFile(outDir, path)))
      rmSync(path, { force: true });
  }
}
