import { join } from "node:path";
import { writeAdmin } from "../cms/admin.ts";
import { DataError } from "../problems.ts";
import clinicPages from "../render/eleventy-plugin.ts";
import { withImages, type RenderData } from "../render/render-data.ts";
import { prepare } from "./index.ts";
import { makeImages, planImagesStage } from "./stages.ts";

interface PreviewConfig {
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown): void;
}

/**
 * The preview (`npm start`) as a composition of the stages: Eleventy serves the templates, and
 * on every rebuild the data comes from prepare → plan images → make images, read from the
 * working folder so edits to data files show up.
 */
export function previewConfig(eleventyConfig: PreviewConfig, root = process.cwd()): void {
  eleventyConfig.addGlobalData("cp", previewData(root));
  for (const target of ["site.yaml", "locations/", "conditions/"]) eleventyConfig.addWatchTarget(target);
  eleventyConfig.addPlugin(clinicPages);
}

/**
 * Data for the preview server, reloaded on every rebuild. When the data has problems the
 * report goes to the terminal and the preview keeps showing the last good site.
 */
export function previewData(root: string, outDir = join(root, "output")): () => Promise<RenderData> {
  let lastGood: RenderData | undefined;
  return async () => {
    try {
      const planned = await planImagesStage(prepare(root), root);
      await makeImages(planned, root, outDir, {});
      // The preview always has the editor at /admin/, with pick lists from the data just loaded.
      writeAdmin(outDir, planned.model, planned.data.origin);
      lastGood = withImages(planned.data, planned.images);
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
