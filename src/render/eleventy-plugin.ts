import { packagePath } from "../pipeline/paths.ts";
import { nunjucksEnvironment } from "./nunjucks.ts";

interface EleventyConfig {
  setLibrary(engine: string, library: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
}

/**
 * Wires the templates into Eleventy: the Nunjucks environment shared with the chunked build
 * (loader, options, filters) and the stylesheet. The `cp` global data (plan and views) comes
 * from the caller: the preview (src/pipeline/preview.ts) or the reference build.
 */
export default function clinicPages(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("njk", nunjucksEnvironment());
  eleventyConfig.addPassthroughCopy({ [packagePath("templates/assets")]: "assets" });
}
