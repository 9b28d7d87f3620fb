import { join } from "node:path";
import { prepare } from "../pipeline/index.ts";
import { packagePath } from "../pipeline/paths.ts";
import { makeImages, planImagesStage } from "../pipeline/stages.ts";
import { DataError } from "../problems.ts";
import { nunjucksEnvironment } from "./nunjucks.ts";
import { withImages, type RenderData } from "./render-data.ts";

interface EleventyConfig {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  setLibrary(engine: string, library: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
}

/**
 * Wires clinic-pages into Eleventy: the `cp` global data (the plan and views), the Nunjucks
 * environment shared with the chunked build (options, loader, filters), and the stylesheet.
 * A caller may pass `cp` itself; `npm start` loads it from the working folder on every rebuild
 * so edits to data files show up.
 */
export default function clinicPages(eleventyConfig: EleventyConfig): void {
  if (!("cp" in eleventyConfig.globalData)) {
    eleventyConfig.addGlobalData("cp", previewData(process.cwd()));
    for (const target of ["site.yaml", "locations/", "conditions/"]) eleventyConfig.addWatchTarget(target);
  }
  eleventyConfig.setLibrary("njk", nunjucksEnvironment());
  eleventyConfig.addPassthroughCopy({ [packagePath("templates/assets")]: "assets" });
}

/**
 * Data for the preview server, reloaded on every rebuild: the preview's composition of the
 * stages (prepare → plan images → make images), then Eleventy renders. When the data has
 * problems the report goes to the terminal and the preview keeps showing the last good site.
 */
export function previewData(root: string, outDir = join(root, "output")): () => Promise<RenderData> {
  let lastGood: RenderData | undefined;
  return async () => {
    try {
      const planned = await planImagesStage(prepare(root), root);
      await makeImages(planned, root, outDir, {});
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
