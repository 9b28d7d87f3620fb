import { prepare } from "../pipeline/index.ts";
import { DataError } from "../problems.ts";
import { join } from "node:path";
import { imageCacheDir } from "../images/cache.ts";
import { generateImages } from "../images/generate.ts";
import { logoBytes, planImages } from "../images/plan.ts";
import { withImages, type RenderData } from "./render-data.ts";
import { packagePath } from "../pipeline/paths.ts";
import { structuredDataScript } from "../structured-data/index.ts";
import { longDate } from "./format.ts";
import { fill, type Vars } from "../plan/patterns.ts";
import { writeAdmin } from "../cms/admin.ts";
import { pageAttributes } from "../rules/page-markup.ts";

interface EleventyConfig {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
}

/**
 * Wires clinic-pages into Eleventy: the `cp` global data (the plan and views), filters,
 * and the stylesheet. A build CLI passes `cp` itself; `npm start` loads it from the
 * working folder on every rebuild so edits to data files show up.
 */
export default function clinicPages(eleventyConfig: EleventyConfig): void {
  if (!("cp" in eleventyConfig.globalData)) {
    eleventyConfig.addGlobalData("cp", previewData(process.cwd()));
    for (const target of ["site.yaml", "locations/", "conditions/"]) eleventyConfig.addWatchTarget(target);
  }
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPassthroughCopy({ [packagePath("templates/assets")]: "assets" });
  // A Nunjucks global rather than global data, so macros see it too.
  eleventyConfig.addNunjucksGlobal("attr", pageAttributes);
  eleventyConfig.addFilter("longDate", (iso: string) => longDate(iso));
  eleventyConfig.addFilter("structuredData", structuredDataScript as (...args: never[]) => unknown);
  // Copy sentences from site.yaml `copy`, with the page's values; autoescaped like any output.
  eleventyConfig.addFilter("fill", ((pattern: string, vars: Vars) => fill(pattern, vars).text) as (...args: never[]) => unknown);
}

/**
 * Data for the preview server, reloaded on every rebuild. When the data has problems the
 * report goes to the terminal and the preview keeps showing the last good site.
 */
export function previewData(root: string, outDir = join(root, "output")): () => Promise<RenderData> {
  let lastGood: RenderData | undefined;
  return async () => {
    try {
      const { model, plan, data } = prepare(root);
      const images = await planImages(model, plan, root);
      await generateImages(images, root, outDir, imageCacheDir(root), logoBytes(model, root));
      // The preview always has the editor at /admin/, with pick lists from the data just loaded.
      writeAdmin(outDir, model, data.origin);
      lastGood = withImages(data, images);
      return lastGood;
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      if (!lastGood) {
        console.error(error.message.replace("output/ is unchanged", "the preview did not start; fix these and run npm start again"));
        process.exit(1);
      }
      const message = error.message.replace("nothing was built and output/ is unchanged", "the preview shows the last good data");
      console.error(`\n${message}\n`);
      return { ...lastGood, previewError: message };
    }
  };
}
