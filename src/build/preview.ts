import { existsSync, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { auditSite, formatFinding, type BuiltPage } from "../audit/index.ts";
import type { Plan } from "../plan/index.ts";
import { prepare } from "./prepare.ts";
import { DataError } from "../problems.ts";
import { checkedToday } from "../validate/environment.ts";
import { previewOutput } from "../render/eleventy-settings.js";
import { renderPlugin, type RenderConfig } from "../render/eleventy-config.ts";
import { imageCacheDir } from "../images/cache.ts";
import { generateImages } from "../images/generate.ts";
import { logoBytes, planImages } from "../images/plan.ts";
import { withImages, type RenderData } from "../render/render-data.ts";
import { writeAdmin } from "../cms/admin.ts";

// `npm start`: the stages composed for Eleventy's dev server. Data is loaded, planned, imaged
// and audited again on every rebuild; Eleventy renders with the same wiring as the build.

interface PreviewConfig extends RenderConfig {
  on?(
    event: "eleventy.after",
    listener: (event: {
      results: Array<{ url?: string | false; outputPath?: string | false; content?: string }>;
    }) => unknown,
  ): void;
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
}

/**
 * The preview's Eleventy plugin: the `cp` global data loaded from the working folder on every
 * rebuild (so edits to data files show up), the data folders watched, the audit after each
 * rebuild, and render's own wiring.
 */
export default function previewPlugin(eleventyConfig: PreviewConfig): void {
  const preview = previewData(process.cwd());
  eleventyConfig.addGlobalData("cp", preview);
  const trigger = deletionTrigger(process.cwd());
  touch(trigger, "");
  for (const target of ["site.yaml", "locations/", "conditions/", trigger])
    eleventyConfig.addWatchTarget(target);
  watchDeletions(process.cwd(), trigger);
  eleventyConfig.on?.("eleventy.after", ({ results }) => preview.audit(results));
  renderPlugin(eleventyConfig);
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

/** The preview's data loader, plus the audit it runs after each rebuild. */
export interface PreviewData {
  (): Promise<RenderData>;
  /** Audits the pages Eleventy just wrote and prints the findings as `npm run build` would. */
  audit(results: Array<{ url?: string | false; outputPath?: string | false; content?: string }>): string[];
}

/**
 * Data for the preview server, reloaded on every rebuild. When the data has problems the
 * report goes to the terminal and the preview keeps showing the last good site.
 */
export function previewData(root: string, outDir = join(root, previewOutput)): PreviewData {
  let lastGood: RenderData | undefined;
  let lastPlan: Plan | undefined;
  let quality: Parameters<typeof auditSite>[2]["quality"] | undefined;
  const load = async () => {
    try {
      const { model, plan, data } = prepare(root);
      const images = await planImages(model, plan, root);
      await generateImages(images, root, outDir, imageCacheDir(root), logoBytes(model, root));
      removeStalePages(outDir, plan);
      // The preview always has the editor at /admin/, with pick lists from the data just loaded.
      writeAdmin(outDir, model, data.origin);
      lastGood = withImages(data, images);
      lastPlan = plan;
      quality = model.site.quality;
      return lastGood;
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
      return { ...lastGood, previewError: message };
    }
  };
  const audit = (results: Parameters<PreviewData["audit"]>[0]): string[] => {
    if (!lastPlan || !lastGood || !quality) return [];
    const pages: BuiltPage[] = results
      .filter(
        (r) =>
          typeof r.url === "string" && typeof r.outputPath === "string" && r.outputPath.endsWith(".html"),
      )
      .map((r) => ({ url: r.url as string, html: r.content ?? "", outputPath: r.outputPath as string }));
    const result = auditSite(pages, lastPlan, { origin: lastGood.origin, quality, today: checkedToday() });
    const lines = result.findings.map((f) => `${f.severity}: ${formatFinding(f)}`);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    if (lines.length > 0)
      console.error(
        `\n${lines.join("\n")}\n\nAudit: ${errors} errors, ${lines.length - errors} warnings (npm run build would ${errors > 0 ? "refuse to publish" : "publish"}).\n`,
      );
    return lines;
  };
  return Object.assign(load, { audit });
}
