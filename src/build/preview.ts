import { existsSync, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { formatFinding, type BuiltPage } from "../audit/index.ts";
import { writeAdmin } from "../cms/admin.ts";
import type { Plan } from "../plan/index.ts";
import { DataError } from "../problems.ts";
import { renderPlugin, type RenderConfig } from "../render/eleventy-config.ts";
import { previewOutput } from "../render/eleventy-settings.js";
import { withImages, type RenderData } from "../render/render-data.ts";
import { checkedToday } from "../validate/environment.ts";
import { prepare } from "./prepare.ts";
import { checkPages, makeImages, planImagesStage, type Planned } from "./stages.ts";

/*
 * The preview (`npm start`) is one more composition of the build's stages:
 * prepare → planImagesStage → makeImages (into the preview folder, from the image cache) → render
 * (Eleventy's own server, with live reload) → checkPages. The stages before render run on every
 * rebuild, inside Eleventy's data step; the page checks run on the pages Eleventy just wrote.
 */

/** One file Eleventy wrote, as its `eleventy.after` event lists it. */
interface EleventyResult {
  url?: string | false;
  outputPath?: string | false;
  content?: string;
}

/** The part of Eleventy's configuration API the preview uses besides render's. */
interface PreviewConfig extends RenderConfig {
  on?(event: "eleventy.after", listener: (event: { results: EleventyResult[] }) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
}

/** The preview's data loader (Eleventy calls it on every rebuild), plus the checks of what it then wrote. */
export interface PreviewData {
  (): Promise<RenderData>;
  /** Checks the pages Eleventy just wrote and prints the findings as `npm run build` would. */
  audit(results: EleventyResult[]): string[];
}

/**
 * Wires the preview into Eleventy (`.eleventy.js`): the render stage, the `cp` data from the
 * earlier stages, rebuilds on data edits and deletions, and the page checks after each rebuild.
 */
export default function previewPlugin(eleventyConfig: PreviewConfig): void {
  const root = process.cwd();
  const preview = previewData(root);
  eleventyConfig.addGlobalData("cp", preview);
  watchData(eleventyConfig, root);
  eleventyConfig.on?.("eleventy.after", ({ results }) => preview.audit(results));
  renderPlugin(eleventyConfig);
}

/**
 * Data for the preview server, reloaded on every rebuild. When the data has problems the report
 * goes to the terminal and into a banner on every page, and the preview keeps the last good site.
 */
export function previewData(root: string, outDir = join(root, previewOutput)): PreviewData {
  let lastGood: { planned: Planned; data: RenderData } | undefined;
  const load = async (): Promise<RenderData> => {
    try {
      lastGood = await earlierStages(root, outDir);
      return lastGood.data;
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      if (!lastGood) {
        console.error(
          error.message.replace(
            "output/ is unchanged",
            "the preview did not start; fix these and run npm start again",
          ),
        );
        process.exit(1);
      }
      const message = error.message.replace(
        "nothing was built and output/ is unchanged",
        "the preview shows the last good data",
      );
      console.error(`\n${message}\n`);
      return { ...lastGood.data, previewError: message };
    }
  };
  const audit = (results: EleventyResult[]): string[] =>
    lastGood ? reportChecks(lastGood.planned, builtPages(results)) : [];
  return Object.assign(load, { audit });
}

/** prepare → plan images → make images, then what the preview folder needs besides the pages. */
async function earlierStages(root: string, outDir: string): Promise<{ planned: Planned; data: RenderData }> {
  const planned = await planImagesStage(prepare(root), root);
  await makeImages(planned, root, outDir, {});
  removeStalePages(outDir, planned.plan);
  // The preview always has the editor at /admin/, with pick lists from the data just loaded.
  writeAdmin(outDir, planned.model, planned.data.origin);
  return { planned, data: withImages(planned.data, planned.images) };
}

/** The HTML pages among the files Eleventy wrote. */
function builtPages(results: EleventyResult[]): BuiltPage[] {
  return results
    .filter(
      (r) => typeof r.url === "string" && typeof r.outputPath === "string" && r.outputPath.endsWith(".html"),
    )
    .map((r) => ({ url: r.url as string, html: r.content ?? "", outputPath: r.outputPath as string }));
}

/** Runs the page checks and prints their findings; returns the lines printed. */
function reportChecks(planned: Planned, pages: BuiltPage[]): string[] {
  const result = checkPages(planned, pages, { today: checkedToday() });
  const lines = result.findings.map((f) => `${f.severity}: ${formatFinding(f)}`);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  if (lines.length > 0)
    console.error(
      `\n${lines.join("\n")}\n\nAudit: ${errors} errors, ${lines.length - errors} warnings (npm run build would ${errors > 0 ? "refuse to publish" : "publish"}).\n`,
    );
  return lines;
}

/**
 * Rebuilds when the project's data changes: edits and new files through Eleventy's watcher, and
 * deletions (which Eleventy does not rebuild on) by touching a trigger file it watches.
 */
function watchData(eleventyConfig: PreviewConfig, root: string): void {
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
